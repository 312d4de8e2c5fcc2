-- When each layer's current-version pointer moved (imports and rollbacks): the TIME values a map can
-- be drawn at, advertised per layer in the capabilities.
SELECT l.code, array_agg(p.published_at ORDER BY p.published_at) AS times
FROM layer_publications p
JOIN layers l ON l.id = p.layer_id
WHERE l.deleted_at IS NULL
GROUP BY l.code
