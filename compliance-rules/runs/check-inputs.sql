-- What a check reads before it evaluates, in one statement: the current version of the rule set ($1, or the
-- default rule set when null), the project ($2, code or null), the name of the user checking ($3), the
-- current version of every layer the rule set names (by name, version and publication, in the order a stored
-- run lists them), the run's id and time (now(): the created_at the run's row gets in this transaction), and
-- the transaction's snapshot for the connections that evaluate rules beside it.
WITH rule_set AS (
  SELECT v.id, v.version_no, v.created_at, u.username, s.code, s.name, s.district_code, v.rules, v.settings
  FROM rule_sets s
  JOIN rule_set_versions v ON v.id = s.current_version_id
  LEFT JOIN users u ON u.id = v.created_by
  WHERE s.code = coalesce($1::text, (
    SELECT code FROM rule_sets WHERE current_version_id IS NOT NULL ORDER BY (district_code IS NOT NULL), id LIMIT 1
  ))
),
-- the layers the rule set names (the code checks them against its parsed definition)
codes AS (
  SELECT settings ->> 'cityBoundaryLayer' AS code FROM rule_set
  UNION
  SELECT jsonb_path_query(rules, 'lax $[*].layers[*] ? (@.type() == "string")') #>> '{}' FROM rule_set
),
current_layers AS (
  SELECT l.code, l.name, lv.version_no, lv.id::text AS version_id, lv.published_at
  FROM layers l
  JOIN layer_versions lv ON lv.id = l.current_version_id
  WHERE l.code IN (SELECT code FROM codes) AND l.deleted_at IS NULL
)
SELECT r.id AS rule_set_version_id, r.version_no, r.created_at, r.username, r.code, r.name, r.district_code,
       r.rules, r.settings,
       p.id AS project_id, p.code AS project_code, p.project_type,
       (SELECT username FROM users WHERE id = $3::int) AS checked_by,
       (SELECT coalesce(array_agg(code ORDER BY code), '{}') FROM current_layers) AS layer_codes,
       (SELECT coalesce(array_agg(name ORDER BY code), '{}') FROM current_layers) AS layer_names,
       (SELECT coalesce(array_agg(version_no ORDER BY code), '{}') FROM current_layers) AS layer_version_nos,
       (SELECT coalesce(array_agg(version_id ORDER BY code), '{}') FROM current_layers) AS layer_version_ids,
       (SELECT coalesce(array_agg(published_at ORDER BY code), '{}') FROM current_layers) AS layer_published_at,
       nextval(pg_get_serial_sequence('compliance_runs', 'id'))::text AS run_id,
       now() AS checked_at,
       pg_export_snapshot() AS snapshot
FROM (SELECT 1) one
LEFT JOIN rule_set r ON true
LEFT JOIN projects p ON p.code = $2::text
