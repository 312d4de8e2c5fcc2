-- Access: the permission table as data (roles → permissions), sessions, sign-in lockout, API keys scoped to
-- layers and services, public layers, and a hash-chained audit log.

-- The permissions a role can grant. Routes name one of these in the route table (spatial-api/access).
CREATE TABLE permissions (
  code text PRIMARY KEY CHECK (code ~ '^[a-z]+\.[a-z_]+$'),
  name text NOT NULL CHECK (name <> '')
);

INSERT INTO permissions (code, name) VALUES
  ('layers.read', '查看非公开图层'),
  ('layers.manage', '管理图层、导入数据、回退版本'),
  ('projects.read', '查看项目'),
  ('projects.manage', '登记和修改项目'),
  ('planning.lead', '牵头项目策划生成'),
  ('planning.comment', '提出部门策划意见'),
  ('approvals.manage', '登记审批事项'),
  ('compliance.run', '合规性审查'),
  ('rules.manage', '管理审查规则'),
  ('accounts.manage', '管理用户、部门、密钥与会话'),
  ('audit.read', '查看审计日志'),
  ('metrics.read', '查看运行指标');

CREATE TABLE role_permissions (
  role_code text NOT NULL REFERENCES roles (code) ON DELETE CASCADE,
  permission_code text NOT NULL REFERENCES permissions (code),
  PRIMARY KEY (role_code, permission_code)
);

INSERT INTO roles (code, name) VALUES
  ('admin', '系统管理员'),
  ('planner', '规划人员'),
  ('reviewer', '审查人员'),
  ('dept_reviewer', '部门审查人员'),
  ('clerk', '窗口人员'),
  ('viewer', '查看人员')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;

-- Roles of earlier sample data become the ones above.
INSERT INTO user_roles (user_id, role_code)
  SELECT user_id, CASE role_code WHEN 'department' THEN 'dept_reviewer' ELSE 'clerk' END
  FROM user_roles WHERE role_code IN ('department', 'approver')
ON CONFLICT DO NOTHING;
DELETE FROM user_roles WHERE role_code IN ('department', 'approver');
DELETE FROM roles WHERE code IN ('department', 'approver');
ALTER TABLE roles DROP COLUMN permissions;

INSERT INTO role_permissions (role_code, permission_code)
  SELECT 'admin', code FROM permissions;
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('planner', 'layers.read'), ('planner', 'layers.manage'), ('planner', 'projects.read'),
  ('planner', 'projects.manage'), ('planner', 'planning.lead'), ('planner', 'compliance.run'),
  ('reviewer', 'layers.read'), ('reviewer', 'projects.read'), ('reviewer', 'compliance.run'),
  ('dept_reviewer', 'layers.read'), ('dept_reviewer', 'projects.read'), ('dept_reviewer', 'planning.comment'),
  ('clerk', 'projects.read'), ('clerk', 'projects.manage'), ('clerk', 'approvals.manage'),
  ('viewer', 'layers.read'), ('viewer', 'projects.read');

-- Sign-in state of a user.
ALTER TABLE users
  ADD COLUMN failed_logins int NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  ADD COLUMN locked_until timestamptz,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A signed-in browser. The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  id bigserial PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  client_ip inet,
  user_agent text
);

CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- API keys of city systems: read-only, limited to some layers and services (null: all), with an expiry.
ALTER TABLE api_keys
  DROP COLUMN scopes,
  ADD COLUMN prefix text NOT NULL DEFAULT '' ,
  ADD COLUMN layers text[],
  ADD COLUMN services text[] CHECK (services <@ ARRAY['wms', 'wfs', 'tiles', 'rest', 'metrics']::text[]),
  ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_keys RENAME COLUMN user_id TO created_by;

-- Public layers are served to anyone (OGC clients, city systems) without a key.
ALTER TABLE layers ADD COLUMN public boolean NOT NULL DEFAULT false;
UPDATE layers SET public = true WHERE kind IN ('admin_division', 'plan', 'control_line');

-- The audit log: more actions, who by name, and a hash chain over the rows in the order they were
-- written (seq), so that a row removed or edited behind the application's back is detected.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log
  ADD CONSTRAINT audit_log_action_check CHECK (
    action IN ('login', 'login_failed', 'logout', 'read', 'create', 'update', 'delete', 'export', 'key_use')
  ),
  ADD COLUMN username text,
  ADD COLUMN seq bigint,
  ADD COLUMN prev_hash bytea,
  ADD COLUMN hash bytea;

-- The text a row's hash covers: every column but the hashes, in a form independent of session settings.
CREATE FUNCTION audit_row_text(a audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', a.seq, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.user_id,
                   a.username, a.api_key_id, a.action, a.target_type, a.target_id, host(a.client_ip),
                   a.details::text)
$$;

CREATE FUNCTION audit_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  -- one writer at a time extends the chain
  PERFORM pg_advisory_xact_lock(hashtext('audit_log_chain'));
  SELECT seq, hash INTO last FROM audit_log ORDER BY seq DESC NULLS LAST LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, '\x'::bytea);
  NEW.hash := sha256(NEW.prev_hash || convert_to(audit_row_text(NEW), 'UTF8'));
  RETURN NEW;
END;
$$;

-- rows written before the chain existed are chained once, in id order
DO $$
DECLARE
  r record;
  prev bytea := '\x';
  n bigint := 0;
BEGIN
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    UPDATE audit_log SET seq = n, prev_hash = prev WHERE id = r.id;
    UPDATE audit_log a SET hash = sha256(prev || convert_to(audit_row_text(a), 'UTF8'))
      WHERE a.id = r.id RETURNING hash INTO prev;
  END LOOP;
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
END;
$$;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);

CREATE TRIGGER audit_log_chain
  BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_chain();
