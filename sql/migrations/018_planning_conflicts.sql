-- Cross-plan conflicts (多规冲突): the layer `planning_conflicts` is written as a new layer version like any
-- import; these tables record which source layer versions each of its versions was built from, and the
-- computations themselves (queued, running, done) with their phase and progress for the client to poll.

-- The layer versions a conflicts version was computed from (both sides of every pair, and the districts).
CREATE TABLE planning_conflict_sources (
  conflict_version_id bigint NOT NULL REFERENCES layer_versions (id) ON DELETE CASCADE,
  source_version_id bigint NOT NULL REFERENCES layer_versions (id),
  PRIMARY KEY (conflict_version_id, source_version_id)
);

CREATE TABLE planning_conflict_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- what asked for it: the server's start, a new version of a source layer (import or rollback), a user
  reason text NOT NULL CHECK (reason IN ('start', 'import', 'rollback', 'manual', 'seed')),
  source_layer text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase text NOT NULL DEFAULT '排队',
  progress_done int NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  progress_total int,
  layer_version_id bigint REFERENCES layer_versions (id),
  error jsonb,
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX planning_conflict_runs_created_idx ON planning_conflict_runs (created_at);

-- Whether a feature's attributes pass one side of a conflict pair: every attribute of `filter`
-- ({attribute: [values]}) has one of its values, and, when `class_attribute` is given, the attribute's
-- code starts with one of `classes` (the 2023 land-use codes are hierarchical: 10 covers 1001 and 100101).
CREATE FUNCTION conflict_side_matches(properties jsonb, filter jsonb, class_attribute text, classes text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT NOT EXISTS (
           SELECT 1 FROM jsonb_each(filter) c WHERE NOT c.value @> jsonb_build_array(properties -> c.key)
         )
     AND (class_attribute IS NULL
          OR EXISTS (SELECT 1 FROM unnest(classes) k WHERE starts_with(properties ->> class_attribute, k)))
$$;
