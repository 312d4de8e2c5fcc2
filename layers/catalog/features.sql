-- A page of one version's features as a GeoJSON FeatureCollection, optionally within a lon/lat box.
-- $1 version id, $2..$5 bbox (or nulls), $6 limit, $7 offset.
SELECT json_build_object(
  'type', 'FeatureCollection',
  'numberMatched', (SELECT count(*) FROM layer_features f
                    WHERE f.layer_version_id = $1
                      AND ($2::float8 IS NULL OR f.geom && ST_MakeEnvelope($2, $3, $4, $5, 4490))),
  'features', coalesce(json_agg(json_build_object(
    'type', 'Feature',
    'id', page.feature_key,
    'properties', page.properties,
    'geometry', ST_AsGeoJSON(page.geom, 9)::json
  ) ORDER BY page.id), '[]'::json)
) AS collection
FROM (
  SELECT f.id, f.feature_key, f.properties, f.geom FROM layer_features f
  WHERE f.layer_version_id = $1
    AND ($2::float8 IS NULL OR f.geom && ST_MakeEnvelope($2, $3, $4, $5, 4490))
  ORDER BY f.id LIMIT $6 OFFSET $7
) page
