-- Engineering-construction projects and the versioned geometry of their sites (seed 5.2 b: site history).
CREATE TABLE projects (
  id serial PRIMARY KEY,
  -- 项目代码: year-district-industry-type-serial, e.g. 2024-650102-47-01-000123
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$'),
  name text NOT NULL CHECK (name <> ''),
  construction_unit text NOT NULL CHECK (construction_unit <> ''),
  investment_type text NOT NULL CHECK (investment_type IN ('government', 'social')),
  project_type text NOT NULL CHECK (project_type <> ''),
  district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
  stage text NOT NULL CHECK (stage IN ('land_use_planning', 'construction_planning', 'construction', 'completion')),
  total_investment_wan_yuan numeric(14, 2) CHECK (total_investment_wan_yuan >= 0),
  current_site_version_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_name_trgm_idx ON projects USING gin (name gin_trgm_ops);
CREATE INDEX projects_unit_trgm_idx ON projects USING gin (construction_unit gin_trgm_ops);

CREATE TABLE project_site_versions (
  id bigserial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects (id),
  version_no int NOT NULL CHECK (version_no > 0),
  geom geometry(MultiPolygon, 4490) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  reason text NOT NULL DEFAULT '',
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, version_no),
  UNIQUE (id, project_id)
);

CREATE INDEX project_site_versions_geom_idx ON project_site_versions USING gist (geom);

ALTER TABLE projects
  ADD CONSTRAINT projects_current_site_fk FOREIGN KEY (current_site_version_id, id)
  REFERENCES project_site_versions (id, project_id) DEFERRABLE INITIALLY DEFERRED;

-- A site's history is never rewritten: a change is a new version.
CREATE TRIGGER project_site_versions_append_only
  BEFORE UPDATE OR DELETE ON project_site_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
