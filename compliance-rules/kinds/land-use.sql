-- The site ($1) over the plan parcels of layer versions $2 (filter $3): the area per land-use class (code in
-- attribute $4) and whether the project type may be built on it ($5: the compatible codes or their parents;
-- null when the project type is not known, then nothing is counted as a conflict).
WITH site AS (SELECT ST_GeomFromEWKB($1::bytea) AS geom),
-- materialised: each intersection is computed once (not again in a filter pushed into the scan); a feature
-- wholly inside the site is its own part, and a site wholly inside a feature is the part
hits AS MATERIALIZED (
  SELECT f.id, f.feature_key, f.properties, l.code AS layer, f.properties ->> $4::text AS code,
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
parts AS (
  SELECT h.*, ST_Area(h.part::geography) AS area_m2,
         $5::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE left(h.code, length(p)) = p) AS compatible
  FROM hits h WHERE NOT ST_IsEmpty(h.part)
),
-- compatibility is a matter of the class, so each class is merged once and the conflict and the covered
-- part are unions of a few class geometries
classes AS MATERIALIZED (
  SELECT code, bool_and(compatible) AS compatible, ST_Union(part) AS geom FROM parts GROUP BY code
),
conflict AS (SELECT ST_Union(geom) AS geom FROM classes WHERE NOT compatible)
SELECT coalesce(ST_Area(c.geom::geography), 0) AS area_m2,
       ST_AsEWKB(c.geom) AS conflict_ewkb,
       ST_AsGeoJSON(c.geom, 9)::jsonb AS conflict_geojson,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id::text, 'key', p.feature_key, 'layer', p.layer,
                                                     'areaM2', p.area_m2, 'attributes', p.properties)
                                  ORDER BY p.area_m2 DESC, p.id), '[]'::jsonb)
        FROM parts p WHERE NOT p.compatible) AS features,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', k.code, 'areaM2', k.area_m2, 'compatible', k.compatible)
                                  ORDER BY k.area_m2 DESC), '[]'::jsonb)
        FROM (SELECT code, compatible, ST_Area(geom::geography) AS area_m2 FROM classes) k) AS classes,
       (SELECT coalesce(ST_Area(ST_Union(geom)::geography), 0) FROM classes) AS covered_m2
FROM conflict c
