-- The part of the site ($1) outside the union of the features of layer versions $2 matching filter $3: its
-- ellipsoidal area and geometry, and the features the site touches with the area inside each.
WITH site AS (SELECT ST_GeomFromEWKB($1::bytea) AS geom),
-- materialised: each intersection is computed once (not again in a filter pushed into the scan); a feature
-- wholly inside the site is its own part, and a site wholly inside a feature is the part
hits AS MATERIALIZED (
  SELECT f.id, f.feature_key, f.properties, l.code AS layer, f.geom,
         CASE WHEN ST_CoveredBy(f.geom, s.geom) THEN ST_Multi(ST_CollectionExtract(f.geom, 3))
              WHEN ST_CoveredBy(s.geom, f.geom) THEN s.geom
              ELSE ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3) END AS part
  FROM site s
  JOIN layer_features f ON f.layer_version_id = ANY($2::bigint[]) AND ST_Intersects(f.geom, s.geom)
  JOIN layer_versions v ON v.id = f.layer_version_id
  JOIN layers l ON l.id = v.layer_id
  WHERE NOT EXISTS (
    SELECT 1 FROM jsonb_each($3::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
  )
),
outside AS (
  SELECT CASE WHEN count(h.id) = 0 THEN s.geom
              ELSE ST_CollectionExtract(ST_Difference(s.geom, ST_Union(h.geom)), 3) END AS geom
  FROM site s LEFT JOIN hits h ON true
  GROUP BY s.geom
),
conflict AS (SELECT CASE WHEN ST_IsEmpty(geom) THEN NULL ELSE geom END AS geom FROM outside)
SELECT coalesce(ST_Area(c.geom::geography), 0) AS area_m2,
       ST_AsEWKB(c.geom) AS conflict_ewkb,
       ST_AsGeoJSON(c.geom, 9)::jsonb AS conflict_geojson,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', h.id::text, 'key', h.feature_key, 'layer', h.layer,
                                                     'areaM2', ST_Area(h.part::geography), 'attributes', h.properties)
                                  ORDER BY h.id), '[]'::jsonb)
        FROM hits h WHERE NOT ST_IsEmpty(h.part)) AS features
FROM conflict c
