-- Per candidate site (the transaction's candidate_sites table): the ellipsoidal area of its overlap with the
-- features of layer versions $1 matching filter $2 ({attribute: [values]}), the union of the parts as in
-- overlap.sql. Sites touching nothing are absent (overlap 0). Used by must_not_intersect and max_overlap_ratio.
WITH hits AS (
  SELECT s.site_no, ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3) AS part
  FROM candidate_sites s
  JOIN layer_features f ON f.layer_version_id = ANY($1::bigint[]) AND ST_Intersects(f.geom, s.geom)
  WHERE NOT EXISTS (
    SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
  )
)
SELECT site_no, ST_Area(ST_Union(part)::geography) AS area_m2
FROM hits
WHERE NOT ST_IsEmpty(part)
GROUP BY site_no
