-- One site version of project $1 with its geometry as GeoJSON, its ellipsoidal area and the compliance check
-- run on it (the latest): version number $2, or else the one current at $3 (the latest set at or before
-- that moment), or else the current one.
SELECT s.id::text, s.version_no, s.reason, s.created_at, u.username AS created_by,
       s.id = p.current_site_version_id AS current,
       ST_AsGeoJSON(s.geom, 9)::json AS geometry,
       ST_Area(s.geom::geography) AS area_m2,
       ARRAY[ST_XMin(s.geom), ST_YMin(s.geom), ST_XMax(s.geom), ST_YMax(s.geom)] AS bbox,
       r.id::text AS check_id, r.verdict AS check_verdict
FROM projects p
JOIN project_site_versions s ON s.project_id = p.id
LEFT JOIN users u ON u.id = s.created_by
LEFT JOIN LATERAL (
  SELECT c.id, c.verdict FROM compliance_runs c
  WHERE c.site_version_id = s.id AND c.status = 'done'
  ORDER BY c.created_at DESC, c.id DESC LIMIT 1
) r ON true
WHERE p.id = $1
  AND CASE WHEN $2::int IS NOT NULL THEN s.version_no = $2
           WHEN $3::timestamptz IS NOT NULL THEN s.created_at <= $3
           ELSE s.id = p.current_site_version_id END
ORDER BY s.created_at DESC, s.version_no DESC
LIMIT 1
