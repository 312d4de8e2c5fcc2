-- The layer catalog and its versions. An import writes a new version beside the current one; the
-- layer's current_version_id moves in the same transaction, so readers never see half a version.
CREATE TABLE layers (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL CHECK (
    kind IN ('admin_division', 'imagery', 'plan', 'control_line', 'regional_assessment', 'project_site', 'reference')
  ),
  geometry_type text NOT NULL CHECK (
    geometry_type IN ('Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'Raster')
  ),
  description text NOT NULL DEFAULT '',
  attribute_schema jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attribute_schema) = 'array'),
  style jsonb,
  srid int NOT NULL DEFAULT 4490 CHECK (srid = 4490),
  district_code text CHECK (district_code ~ '^[0-9]{6}$'),
  source text,
  sort_order int NOT NULL DEFAULT 0,
  current_version_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TABLE layer_versions (
  id bigserial PRIMARY KEY,
  layer_id int NOT NULL REFERENCES layers (id),
  version_no int NOT NULL CHECK (version_no > 0),
  source_name text,
  feature_count int NOT NULL DEFAULT 0 CHECK (feature_count >= 0),
  extent geometry(Polygon, 4490),
  validation_report jsonb NOT NULL DEFAULT '{}',
  note text,
  created_by int REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- when this version became the current one; null while loading or when never published
  published_at timestamptz,
  UNIQUE (layer_id, version_no),
  UNIQUE (id, layer_id)
);

-- The current version must be one of the layer's own versions.
ALTER TABLE layers
  ADD CONSTRAINT layers_current_version_fk FOREIGN KEY (current_version_id, id)
  REFERENCES layer_versions (id, layer_id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE layer_features (
  id bigserial PRIMARY KEY,
  layer_version_id bigint NOT NULL REFERENCES layer_versions (id) ON DELETE CASCADE,
  feature_key text,
  properties jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(properties) = 'object'),
  geom geometry(Geometry, 4490) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);

CREATE INDEX layer_features_version_geom_idx ON layer_features USING gist (layer_version_id, geom);
CREATE INDEX layer_features_version_key_idx ON layer_features (layer_version_id, feature_key);

-- Imagery: the raster file (Cloud-Optimized GeoTIFF in EPSG:4490) of an imagery layer version.
CREATE TABLE layer_rasters (
  layer_version_id bigint PRIMARY KEY REFERENCES layer_versions (id) ON DELETE CASCADE,
  file_path text NOT NULL CHECK (file_path <> ''),
  width_px int NOT NULL CHECK (width_px > 0),
  height_px int NOT NULL CHECK (height_px > 0),
  band_count int NOT NULL CHECK (band_count > 0),
  ground_resolution_m double precision NOT NULL CHECK (ground_resolution_m > 0),
  extent geometry(Polygon, 4490) NOT NULL CHECK (ST_IsValid(extent))
);
