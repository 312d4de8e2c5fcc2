-- Current versions of vector layers with at least $1 features and no generalisation yet; of one layer
-- when $2 names it.
SELECT l.code, l.name, l.geometry_type, l.style, l.attribute_schema, v.id::text AS version_id, v.feature_count
FROM layers l
JOIN layer_versions v ON v.id = l.current_version_id
WHERE l.deleted_at IS NULL
  AND l.geometry_type <> 'Raster'
  AND v.feature_count >= $1
  AND ($2::text IS NULL OR l.code = $2)
  AND NOT EXISTS (SELECT 1 FROM layer_generalisations g WHERE g.layer_version_id = v.id)
ORDER BY v.feature_count DESC
