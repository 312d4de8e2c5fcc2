-- Per candidate site: the areas (ellipsoidal, summed per feature as within-regional-assessment.ts sums
-- them) of the regional-assessment areas (layer versions $1, filter $2) it overlaps that are valid on the
-- day $3 (attribute valid_until absent, not text, or not before it), and how many. Sites on none are absent.
WITH parts AS (
  SELECT s.site_no, f.properties,
         ST_Area(ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3)::geography) AS area_m2
  FROM candidate_sites s
  JOIN layer_features f ON f.layer_version_id = ANY($1::bigint[]) AND ST_Intersects(f.geom, s.geom)
  WHERE NOT EXISTS (
    SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
  )
),
valid AS (
  SELECT site_no, area_m2 FROM parts
  WHERE area_m2 > 0
    AND (jsonb_typeof(properties -> 'valid_until') IS DISTINCT FROM 'string'
         OR (properties ->> 'valid_until') COLLATE "C" >= $3::text COLLATE "C")
)
SELECT site_no, sum(area_m2) AS area_m2, count(*)::int AS valid_count
FROM valid
GROUP BY site_no
