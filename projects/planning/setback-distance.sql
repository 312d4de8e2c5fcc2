-- The nearest distance in metres on the ellipsoid from a project's site ($1: site version id) to the
-- features of a layer's current version ($2: layer code), and that feature (no site, $1 null: none): the few nearest by planar
-- distance in degrees are measured again on the ellipsoid (as compliance-rules' distance query does).
-- No row: the layer does not exist; a null version: it has no data yet.
WITH site AS (SELECT geom, geom::geography AS geog FROM project_site_versions WHERE id = $1::bigint)
SELECT l.current_version_id::text AS version_id,
       l.geometry_type,
       n.feature_key,
       n.properties ->> 'name' AS feature_name,
       n.distance_m
FROM layers l
LEFT JOIN site s ON true
LEFT JOIN LATERAL (
  SELECT c.feature_key, c.properties, ST_Distance(c.geom::geography, s.geog) AS distance_m
  FROM (
    SELECT f.feature_key, f.properties, f.geom
    FROM layer_features f
    WHERE f.layer_version_id = l.current_version_id AND s.geom IS NOT NULL
    ORDER BY f.geom <-> s.geom
    LIMIT 8
  ) c
  ORDER BY distance_m, c.feature_key
  LIMIT 1
) n ON true
WHERE l.code = $2::text AND l.deleted_at IS NULL
