-- Users, departments, roles, district scopes and API keys.
CREATE TABLE departments (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text NOT NULL CHECK (name <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text NOT NULL CHECK (name <> ''),
  permissions text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,64}$'),
  display_name text NOT NULL CHECK (display_name <> ''),
  department_id int REFERENCES departments (id),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

CREATE TABLE user_roles (
  user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_code text NOT NULL REFERENCES roles (code),
  PRIMARY KEY (user_id, role_code)
);

-- The districts (by administrative code) whose data a user may see and edit; none means the whole city.
CREATE TABLE district_scopes (
  user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
  PRIMARY KEY (user_id, district_code)
);

CREATE TABLE api_keys (
  id serial PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  key_hash text NOT NULL UNIQUE,
  user_id int NOT NULL REFERENCES users (id),
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);
