-- The version each requested layer was drawn from at a moment: the latest publication (import or
-- rollback) at or before it; none when the layer was not yet published then.
-- $1 layer codes, $2 the moment.
SELECT l.code, p.layer_version_id::text AS version_id, r.file_path
FROM layers l
LEFT JOIN LATERAL (
  SELECT lp.layer_version_id
  FROM layer_publications lp
  WHERE lp.layer_id = l.id AND lp.published_at <= $2::timestamptz
  ORDER BY lp.published_at DESC, lp.id DESC
  LIMIT 1
) p ON true
LEFT JOIN layer_rasters r ON r.layer_version_id = p.layer_version_id
WHERE l.code = ANY($1::text[]) AND l.deleted_at IS NULL
