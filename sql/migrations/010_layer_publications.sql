-- Every move of a layer's current-version pointer (an import or a rollback), so the blueprint "as of" any
-- moment can be read back and a past compliance report reproduced.
CREATE TABLE layer_publications (
  id bigserial PRIMARY KEY,
  layer_id int NOT NULL REFERENCES layers (id),
  layer_version_id bigint NOT NULL,
  action text NOT NULL CHECK (action IN ('import', 'rollback')),
  published_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_by int REFERENCES users (id),
  FOREIGN KEY (layer_version_id, layer_id) REFERENCES layer_versions (id, layer_id)
);

CREATE INDEX layer_publications_layer_idx ON layer_publications (layer_id, published_at);

INSERT INTO layer_publications (layer_id, layer_version_id, action, published_at)
SELECT layer_id, id, 'import', published_at FROM layer_versions WHERE published_at IS NOT NULL;

CREATE TRIGGER layer_publications_append_only
  BEFORE UPDATE OR DELETE ON layer_publications
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
