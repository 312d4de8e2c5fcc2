-- API keys are looked up by the SHA-256 of the key as bytes (as session tokens are); the column was text,
-- which refused most digests as invalid UTF-8. Hex digests written before become their bytes.
ALTER TABLE api_keys
  ALTER COLUMN key_hash TYPE bytea USING CASE
    WHEN key_hash ~ '^[0-9a-f]{64}$' THEN decode(key_hash, 'hex')
    ELSE convert_to(key_hash, 'UTF8')
  END;
