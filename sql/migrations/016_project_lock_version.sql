-- Optimistic locking of project records: an update states the version it read; a stale one is refused (409).
ALTER TABLE projects ADD COLUMN lock_version int NOT NULL DEFAULT 0 CHECK (lock_version >= 0);
