-- The published layers with their current version, feature count and extent (lon/lat, EPSG:4490).
SELECT
  l.code,
  l.name,
  l.kind,
  l.geometry_type,
  l.description,
  l.attribute_schema,
  l.style,
  l.district_code,
  l.source,
  l.sort_order,
  l.public,
  v.version_no,
  v.feature_count,
  v.published_at,
  CASE WHEN v.extent IS NULL THEN NULL
       ELSE json_build_array(ST_XMin(v.extent), ST_YMin(v.extent), ST_XMax(v.extent), ST_YMax(v.extent))
  END AS extent
FROM layers l
LEFT JOIN layer_versions v ON v.id = l.current_version_id
WHERE l.deleted_at IS NULL
  AND ($1::text IS NULL OR l.code = $1)
ORDER BY l.sort_order, l.code
