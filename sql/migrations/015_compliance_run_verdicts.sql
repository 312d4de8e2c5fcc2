-- What a compliance check needs beyond migration 008: the settings of a rule-set version (the city boundary a
-- site must lie in, the largest site), and per run the verdict, the site's ellipsoidal area, the input as given
-- (CRS, repairs) and the verification code (SHA-256 of the run's canonical inputs and results) a report carries.
ALTER TABLE rule_set_versions
  ADD COLUMN settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object');

ALTER TABLE compliance_runs
  ADD COLUMN verdict text CHECK (verdict IN ('通过', '有条件通过', '不通过')),
  ADD COLUMN site_area_m2 double precision CHECK (site_area_m2 > 0),
  ADD COLUMN input jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(input) = 'object'),
  ADD COLUMN verification_code text UNIQUE CHECK (verification_code ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT compliance_runs_done_check CHECK (
    status <> 'done' OR (verdict IS NOT NULL AND site_area_m2 IS NOT NULL AND verification_code IS NOT NULL)
  );

CREATE INDEX compliance_runs_project_idx ON compliance_runs (project_id, created_at);
