-- Project planning generation (项目策划生成): a lead department invites others, each gives opinions.
CREATE TABLE planning_tasks (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects (id),
  lead_department_id int NOT NULL REFERENCES departments (id),
  title text NOT NULL CHECK (title <> ''),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'consolidating', 'concluded')),
  deadline date NOT NULL,
  conclusion text,
  concluded_at timestamptz,
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'concluded') = (concluded_at IS NOT NULL AND conclusion IS NOT NULL))
);

CREATE TABLE planning_task_departments (
  task_id int NOT NULL REFERENCES planning_tasks (id),
  department_id int NOT NULL REFERENCES departments (id),
  invited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, department_id)
);

-- Opinions are attributed, timestamped and never lost: a revision is a new row that supersedes the old.
CREATE TABLE planning_opinions (
  id bigserial PRIMARY KEY,
  task_id int NOT NULL,
  department_id int NOT NULL,
  author_id int REFERENCES users (id),
  conditions text NOT NULL CHECK (conditions <> ''),
  required_assessments text[] NOT NULL DEFAULT '{}',
  attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
  supersedes_id bigint REFERENCES planning_opinions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (task_id, department_id) REFERENCES planning_task_departments (task_id, department_id)
);

CREATE INDEX planning_opinions_task_idx ON planning_opinions (task_id, department_id, created_at);

CREATE TRIGGER planning_opinions_append_only
  BEFORE UPDATE OR DELETE ON planning_opinions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
