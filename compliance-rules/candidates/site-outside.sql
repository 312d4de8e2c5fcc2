-- Per candidate site: the ellipsoidal area of its part outside the union of the features of layer versions
-- $1 matching filter $2, as outside.sql computes it; a site one feature covers is 0 without the overlay.
-- Used by must_be_within.
WITH matching AS NOT MATERIALIZED (
  SELECT f.geom
  FROM layer_features f
  WHERE f.layer_version_id = ANY($1::bigint[])
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
)
SELECT s.site_no,
       CASE WHEN EXISTS (SELECT 1 FROM matching m WHERE ST_CoveredBy(s.geom, m.geom)) THEN 0
            ELSE coalesce(ST_Area(ST_CollectionExtract(ST_Difference(
                   s.geom, (SELECT ST_Union(m.geom) FROM matching m WHERE ST_Intersects(m.geom, s.geom))), 3)::geography),
                 ST_Area(s.geom::geography)) END AS area_m2
FROM candidate_sites s
