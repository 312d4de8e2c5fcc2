-- The part of the site ($1, EWKB in 4490) covered by the features of the layer versions $2 that match the
-- attribute filter $3 ({attribute: [values]}): its ellipsoidal area, the geometry, and each feature with
-- the area it covers. Used by must_not_intersect, max_overlap_ratio, within_regional_assessment, jurisdiction.
WITH site AS (SELECT ST_GeomFromEWKB($1::bytea) AS geom),
-- materialised: each intersection is computed once (not again in a filter pushed into the scan); a feature
-- wholly inside the site is its own part, and a site wholly inside a feature is the part
hits AS MATERIALIZED (
  SELECT f.id, f.feature_key, f.properties, l.code AS layer,
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
parts AS (SELECT *, ST_Area(part::geography) AS area_m2 FROM hits WHERE NOT ST_IsEmpty(part)),
-- overlapping features must not count twice: the conflict is the union of the parts
conflict AS (SELECT ST_Union(part) AS geom FROM parts)
SELECT coalesce(ST_Area(c.geom::geography), 0) AS area_m2,
       ST_AsEWKB(c.geom) AS conflict_ewkb,
       ST_AsGeoJSON(c.geom, 9)::jsonb AS conflict_geojson,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id::text, 'key', p.feature_key, 'layer', p.layer,
                                                     'areaM2', p.area_m2, 'attributes', p.properties)
                                  ORDER BY p.area_m2 DESC, p.id), '[]'::jsonb)
        FROM parts p) AS features
FROM conflict c
