-- Generalised forms of dense layer versions for small scales. For each scale band (the pixel size of a
-- zoom level), a version's features are grouped by cell (64 pixels of the band) and by the values of the
-- properties its style's filters read; each group is one row whose geometry collects its features. A map
-- at a small scale reads a few thousand such rows instead of half a million features and draws the same
-- picture (the members stay separate features, with their own geometry).
-- Built in the background after a version is published; dropped with its version.
CREATE TABLE layer_generalisations (
  layer_version_id bigint PRIMARY KEY REFERENCES layer_versions (id) ON DELETE CASCADE,
  -- the properties each group carries, in the order of property_values
  property_names text[] NOT NULL,
  -- zoom levels whose pixel size the bands have, finest last
  bands smallint[] NOT NULL CHECK (cardinality(bands) > 0),
  feature_count int NOT NULL CHECK (feature_count >= 0),
  group_count int NOT NULL CHECK (group_count >= 0),
  built_at timestamptz NOT NULL DEFAULT now(),
  build_ms int NOT NULL CHECK (build_ms >= 0)
);

CREATE TABLE layer_generalised_groups (
  layer_version_id bigint NOT NULL REFERENCES layer_generalisations (layer_version_id) ON DELETE CASCADE,
  band smallint NOT NULL CHECK (band BETWEEN 0 AND 24),
  property_values text[] NOT NULL,
  member_count int NOT NULL CHECK (member_count > 0),
  geom geometry(Geometry, 4490) NOT NULL
);

CREATE INDEX layer_generalised_groups_frame_idx
  ON layer_generalised_groups USING gist (layer_version_id, band, geom);
