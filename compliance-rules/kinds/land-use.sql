-- The site ($1) over the plan parcels of layer versions $2 (filter $3): the area per land-use class (code in
-- attribute $4) and whether the project type may be built on it ($5: the compatible codes or their parents;
-- null when the project type is not known, then nothing is counted as a conflict).
WITH site AS (SELECT ST_GeomFromEWKB($1::bytea) AS geom),
hits AS (
  SELECT f.id, f.feature_key, f.properties, l.code AS layer, f.properties ->> $4::text AS code,
         ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3) AS part
  FROM site s
  JOIN layer_features f ON f.layer_version_id = ANY($2::bigint[]) AND ST_Intersects(f.geom, s.geom)
  JOIN layer_versions v ON v.id = f.layer_version_id
  JOIN layers l ON l.id = v.layer_id
  WHERE NOT EXISTS (
    SELECT 1 FROM jsonb_each($3::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
  )
),
parts AS (
  SELECT h.*, ST_Area(h.part::geography) AS area_m2,
         $5::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE left(h.code, length(p)) = p) AS compatible
  FROM hits h WHERE NOT ST_IsEmpty(h.part)
),
conflict AS (SELECT ST_Union(part) AS geom FROM parts WHERE NOT compatible)
SELECT coalesce(ST_Area(c.geom::geography), 0) AS area_m2,
       ST_AsEWKB(c.geom) AS conflict_ewkb,
       ST_AsGeoJSON(c.geom, 9)::jsonb AS conflict_geojson,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id::text, 'key', p.feature_key, 'layer', p.layer,
                                                     'areaM2', p.area_m2, 'attributes', p.properties)
                                  ORDER BY p.area_m2 DESC, p.id), '[]'::jsonb)
        FROM parts p WHERE NOT p.compatible) AS features,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', k.code, 'areaM2', k.area_m2, 'compatible', k.compatible)
                                  ORDER BY k.area_m2 DESC), '[]'::jsonb)
        FROM (SELECT code, bool_and(compatible) AS compatible, ST_Area(ST_Union(part)::geography) AS area_m2
              FROM parts GROUP BY code) k) AS classes,
       (SELECT coalesce(ST_Area(ST_Union(part)::geography), 0) FROM parts) AS covered_m2
FROM conflict c
