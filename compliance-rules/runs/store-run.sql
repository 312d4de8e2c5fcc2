-- A finished check stored in one statement: the run ($1 its id, taken with the check's inputs; sealed with its
-- verification code $10), the layer versions it read ($11) and every rule's result ($12…$18, one array element
-- per rule, and $19 a JSON array of their details, stored in the rule set's order: the order runs are read back
-- in). created_at is the transaction's now(), which the code was computed with.
WITH run AS (
  INSERT INTO compliance_runs (id, project_id, site_geom, rule_set_version_id, created_by, verdict, site_area_m2,
                               input, site_version_id, verification_code, status, finished_at)
  VALUES ($1::bigint, $2::int, ST_GeomFromEWKB($3::bytea), $4::int, $5::int, $6::text, $7::float8, $8::jsonb,
          $9::bigint, $10::text, 'done', clock_timestamp())
  RETURNING id
),
run_layers AS (
  INSERT INTO compliance_run_layers (run_id, layer_version_id)
  SELECT run.id, v FROM run, unnest($11::bigint[]) AS v
)
INSERT INTO compliance_results (run_id, rule_id, kind, severity, passed, area_m2, distance_m, conflict_geom, details)
SELECT run.id, r.rule_id, r.kind, r.severity, r.passed, r.area_m2, r.distance_m, ST_GeomFromEWKB(r.ewkb),
       $19::jsonb -> (r.n::int - 1)
FROM run,
     unnest($12::text[], $13::text[], $14::text[], $15::boolean[], $16::float8[], $17::float8[], $18::bytea[])
       WITH ORDINALITY AS r(rule_id, kind, severity, passed, area_m2, distance_m, ewkb, n)
ORDER BY r.n
