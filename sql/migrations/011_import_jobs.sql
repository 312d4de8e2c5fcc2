-- Import jobs: an upload becomes a job whose phase and progress the client polls.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  layer_id int NOT NULL REFERENCES layers (id),
  file_name text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase text NOT NULL DEFAULT '排队',
  progress_done bigint NOT NULL DEFAULT 0,
  progress_total bigint,
  layer_version_id bigint REFERENCES layer_versions (id),
  report jsonb,
  error jsonb,
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX import_jobs_layer_idx ON import_jobs (layer_id, created_at);
