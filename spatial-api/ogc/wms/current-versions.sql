-- The version each requested layer is drawn from now, with the raster file of imagery layers.
-- $1 layer codes.
SELECT l.code, l.current_version_id::text AS version_id, r.file_path
FROM layers l
LEFT JOIN layer_rasters r ON r.layer_version_id = l.current_version_id
WHERE l.code = ANY($1::text[]) AND l.deleted_at IS NULL
