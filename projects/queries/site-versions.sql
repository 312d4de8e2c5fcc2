-- The site versions of project $1, newest first: who set each, when and why, its ellipsoidal area, whether it
-- is the current one, and the compliance check run on it (the latest, when several were).
SELECT s.id::text, s.version_no, s.reason, s.created_at, u.username AS created_by,
       ST_Area(s.geom::geography) AS area_m2,
       s.id = p.current_site_version_id AS current,
       r.id::text AS check_id, r.verdict AS check_verdict
FROM project_site_versions s
JOIN projects p ON p.id = s.project_id
LEFT JOIN users u ON u.id = s.created_by
LEFT JOIN LATERAL (
  SELECT c.id, c.verdict FROM compliance_runs c
  WHERE c.site_version_id = s.id AND c.status = 'done'
  ORDER BY c.created_at DESC, c.id DESC LIMIT 1
) r ON true
WHERE s.project_id = $1
ORDER BY s.version_no DESC
