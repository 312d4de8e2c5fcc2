-- One version's features in a projected CRS, coordinates in metres to the millimetre, in the order they
-- were loaded, optionally within a lon/lat box and paged.
-- $1 version id, $2 SRID, $3..$6 bbox (or nulls), $7 limit (or null for all), $8 offset.
SELECT f.feature_key AS key,
       f.properties,
       ST_AsGeoJSON(ST_Transform(f.geom, $2::int), 3)::json AS geometry
FROM layer_features f
WHERE f.layer_version_id = $1
  AND ($3::float8 IS NULL OR f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4490))
ORDER BY f.id
LIMIT $7 OFFSET $8
