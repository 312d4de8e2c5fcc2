-- Planning generation in full: structured construction conditions, their automatic checks against the site,
-- confirmed reuse of regional assessments, a drawing per opinion, one current opinion per department (a
-- revision supersedes the current one exactly once), and who concluded a task.
ALTER TABLE planning_opinions
  ADD COLUMN condition_items jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(condition_items) = 'array'),
  ADD COLUMN condition_checks jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(condition_checks) = 'array'),
  ADD COLUMN reused_assessments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reused_assessments) = 'array'),
  -- the site version the conditions were checked against (none: the project had no site)
  ADD COLUMN site_version_id bigint REFERENCES project_site_versions (id);

-- a revision chain never forks: each opinion is superseded at most once, and a department has one first opinion
CREATE UNIQUE INDEX planning_opinions_supersedes_idx ON planning_opinions (supersedes_id);
CREATE UNIQUE INDEX planning_opinions_first_idx ON planning_opinions (task_id, department_id)
  WHERE supersedes_id IS NULL;

-- What a department drew with its opinion ("keep 30 m from the river here"), written with the opinion.
CREATE TABLE planning_opinion_geometries (
  opinion_id bigint PRIMARY KEY REFERENCES planning_opinions (id),
  geom geometry(Geometry, 4490) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);

CREATE INDEX planning_opinion_geometries_geom_idx ON planning_opinion_geometries USING gist (geom);

CREATE TRIGGER planning_opinion_geometries_append_only
  BEFORE UPDATE OR DELETE ON planning_opinion_geometries
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

ALTER TABLE planning_tasks ADD COLUMN concluded_by int REFERENCES users (id);

CREATE INDEX planning_tasks_project_idx ON planning_tasks (project_id, created_at);
