-- The nearest distance in metres on the ellipsoid from the site ($1) to the features of layer versions $2
-- (filter $3), the features closer than $4 metres with their distances, and the part of the site inside
-- that distance of them (its area and geometry).
WITH site AS (SELECT ST_GeomFromEWKB($1::bytea) AS geom, ST_GeomFromEWKB($1::bytea)::geography AS geog),
matching AS NOT MATERIALIZED (
  SELECT f.id, f.feature_key, f.properties, f.geom, f.layer_version_id
  FROM layer_features f
  WHERE f.layer_version_id = ANY($2::bigint[])
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each($3::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
),
-- the few nearest by planar distance in degrees, measured again on the ellipsoid
nearest AS (
  SELECT min(ST_Distance(n.geom::geography, s.geog)) AS distance_m
  FROM site s,
       LATERAL (SELECT m.geom FROM matching m ORDER BY m.geom <-> s.geom LIMIT 8) n
),
-- the box widened by distance/10,000 degrees holds every point within the distance while a degree of
-- longitude is at least 10 km (below about 84° latitude)
near AS (
  SELECT m.id, m.feature_key, m.properties, m.geom, l.code AS layer, ST_Distance(m.geom::geography, s.geog) AS distance_m
  FROM site s
  JOIN matching m ON m.geom && ST_Expand(s.geom, $4::float8 / 10000.0)
                 AND ST_DWithin(m.geom::geography, s.geog, $4::float8)
  JOIN layer_versions v ON v.id = m.layer_version_id
  JOIN layers l ON l.id = v.layer_id
),
-- each feature is cut to the site's widened box before it is buffered on the ellipsoid: every point of a
-- feature within the distance of the site lies in that box, so the part of the site inside the buffer is the
-- same, and a river's blue line tens of kilometres long is not buffered whole
conflict AS (
  SELECT ST_Union(ST_CollectionExtract(ST_Intersection(
           s.geom, ST_SetSRID(ST_Buffer(ST_Intersection(n.geom, ST_Expand(ST_Envelope(s.geom), $4::float8 / 10000.0))::geography,
                                        $4::float8)::geometry, 4490)), 3)) AS geom
  FROM site s JOIN near n ON true
)
SELECT coalesce(ST_Area(c.geom::geography), 0) AS area_m2,
       ST_AsEWKB(c.geom) AS conflict_ewkb,
       ST_AsGeoJSON(c.geom, 9)::jsonb AS conflict_geojson,
       (SELECT distance_m FROM nearest) AS distance_m,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', n.id::text, 'key', n.feature_key, 'layer', n.layer,
                                                     'distanceM', n.distance_m, 'attributes', n.properties)
                                  ORDER BY n.distance_m, n.id), '[]'::jsonb)
        FROM near n) AS features
FROM conflict c
