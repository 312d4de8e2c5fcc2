-- Compliance rule sets (versioned data) and the runs that check a site against them, reproducibly:
-- a run records the rule-set version and every layer version it read.
CREATE TABLE rule_sets (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name text NOT NULL CHECK (name <> ''),
  district_code text CHECK (district_code ~ '^[0-9]{6}$'),
  current_version_id int,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rule_set_versions (
  id serial PRIMARY KEY,
  rule_set_id int NOT NULL REFERENCES rule_sets (id),
  version_no int NOT NULL CHECK (version_no > 0),
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_set_id, version_no),
  UNIQUE (id, rule_set_id)
);

ALTER TABLE rule_sets
  ADD CONSTRAINT rule_sets_current_version_fk FOREIGN KEY (current_version_id, id)
  REFERENCES rule_set_versions (id, rule_set_id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE compliance_runs (
  id bigserial PRIMARY KEY,
  project_id int REFERENCES projects (id),
  site_version_id bigint REFERENCES project_site_versions (id),
  -- the geometry checked (a drawn or uploaded site may belong to no project yet)
  site_geom geometry(MultiPolygon, 4490) NOT NULL CHECK (ST_IsValid(site_geom) AND NOT ST_IsEmpty(site_geom)),
  rule_set_version_id int NOT NULL REFERENCES rule_set_versions (id),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  report_path text,
  report_sha256 text CHECK (report_sha256 ~ '^[0-9a-f]{64}$'),
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK (site_version_id IS NULL OR project_id IS NOT NULL)
);

CREATE TABLE compliance_run_layers (
  run_id bigint NOT NULL REFERENCES compliance_runs (id) ON DELETE CASCADE,
  layer_version_id bigint NOT NULL REFERENCES layer_versions (id),
  PRIMARY KEY (run_id, layer_version_id)
);

CREATE TABLE compliance_results (
  id bigserial PRIMARY KEY,
  run_id bigint NOT NULL REFERENCES compliance_runs (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  kind text NOT NULL CHECK (
    kind IN ('must_not_intersect', 'must_be_within', 'land_use_compatibility', 'min_distance',
             'max_overlap_ratio', 'within_regional_assessment', 'jurisdiction')
  ),
  severity text NOT NULL CHECK (severity IN ('prohibit', 'warn', 'inform')),
  passed boolean NOT NULL,
  area_m2 double precision CHECK (area_m2 >= 0),
  distance_m double precision CHECK (distance_m >= 0),
  conflict_geom geometry(Geometry, 4490),
  details jsonb NOT NULL DEFAULT '{}',
  UNIQUE (run_id, rule_id)
);
