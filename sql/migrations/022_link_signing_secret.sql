-- The secret that signs links to the one-blueprint standard page (HMAC-SHA256, accounts/signed-links.ts):
-- one row, written by the first server process that needs it, so that every process and every restart
-- verifies the same links. Deleting the row revokes every link issued so far (a new secret is made).
CREATE TABLE link_signing_secret (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  secret bytea NOT NULL CHECK (octet_length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
