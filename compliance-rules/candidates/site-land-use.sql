-- Per candidate site: the ellipsoidal area it covers of plan parcels (layer versions $1, filter $2) whose
-- land-use code (attribute $3) the project type may not use ($4: the compatible codes or their parents), as
-- land-use.sql counts it. Sites on compatible land only are absent. Used by land_use_compatibility.
WITH hits AS (
  SELECT s.site_no, ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3) AS part
  FROM candidate_sites s
  JOIN layer_features f ON f.layer_version_id = ANY($1::bigint[]) AND ST_Intersects(f.geom, s.geom)
  WHERE NOT EXISTS (
      SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
    AND NOT EXISTS (
      SELECT 1 FROM unnest($4::text[]) p WHERE left(f.properties ->> $3::text, length(p)) = p
    )
)
SELECT site_no, ST_Area(ST_Union(part)::geography) AS area_m2
FROM hits
WHERE NOT ST_IsEmpty(part)
GROUP BY site_no
