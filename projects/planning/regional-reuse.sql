-- The regional assessment areas (区域评估) under a project's site ($1: site version id), read from the
-- current version of the layer $2 as compliance-rules' within_regional_assessment reads it: each area with
-- the share of the site it covers, its assessments (attribute $3), document and validity.
WITH site AS (SELECT geom FROM project_site_versions WHERE id = $1::bigint),
area AS (
  SELECT f.feature_key, f.properties,
         ST_Area(ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3)::geography) AS covered_m2,
         ST_Area(s.geom::geography) AS site_m2
  FROM site s
  JOIN layers l ON l.code = $2::text
  JOIN layer_features f ON f.layer_version_id = l.current_version_id AND ST_Intersects(f.geom, s.geom)
)
SELECT feature_key AS code,
       properties ->> 'name' AS name,
       properties ->> 'document_no' AS document_no,
       properties ->> 'valid_until' AS valid_until,
       CASE jsonb_typeof(properties -> $3::text)
         WHEN 'array' THEN ARRAY(SELECT jsonb_array_elements_text(properties -> $3::text))
         WHEN 'string' THEN regexp_split_to_array(properties ->> $3::text, '[、,，;；]')
         ELSE '{}'::text[] END AS assessments,
       CASE WHEN site_m2 > 0 THEN covered_m2 / site_m2 ELSE 0 END AS covered_ratio
FROM area
WHERE covered_m2 > 0
ORDER BY covered_m2 DESC, feature_key
