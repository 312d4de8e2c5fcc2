-- The audit log: every login, data read and change (seed 000 Art. 12-15). Append-only.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id int REFERENCES users (id),
  api_key_id int REFERENCES api_keys (id),
  action text NOT NULL CHECK (action IN ('login', 'logout', 'read', 'create', 'update', 'delete', 'export')),
  target_type text,
  target_id text,
  client_ip inet,
  details jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
