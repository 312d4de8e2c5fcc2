-- The current version of every live layer, with the raster file of imagery versions.
SELECT l.code, l.current_version_id::text AS version_id, r.file_path
FROM layers l
LEFT JOIN layer_rasters r ON r.layer_version_id = l.current_version_id
WHERE l.deleted_at IS NULL AND l.current_version_id IS NOT NULL
