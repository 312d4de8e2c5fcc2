-- One view per published layer, `published.<layer code>`, for an external map server (GeoServer) to read:
-- always the layer's CURRENT version (it follows layers.current_version_id, so a new import or a rollback
-- needs no republishing), one typed column per attribute of the layer's schema, and the geometry typed
-- with its geometry type and SRID so that geometry_columns tells the map server what it holds.
CREATE SCHEMA IF NOT EXISTS published;

COMMENT ON SCHEMA published IS
  'Views of the layers'' current versions for external map servers; maintained by ensure_current_version_view()';

-- Attribute readers. A value that does not fit the column's type reads as NULL instead of failing the
-- query: one bad value must not break every GetMap of a layer. Values are written from JavaScript, so
-- numbers are finite doubles; the range checks only guard against other writers.
CREATE FUNCTION published.number_value(value jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN
    CASE WHEN abs(value::numeric) < 1e300 AND (value::numeric = 0 OR abs(value::numeric) > 1e-300)
      THEN value::numeric::double precision END
  END
$$;

CREATE FUNCTION published.integer_value(value jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN
    CASE WHEN value::numeric = trunc(value::numeric) AND abs(value::numeric) <= 9223372036854775807
      THEN value::numeric::bigint END
  END
$$;

CREATE FUNCTION published.boolean_value(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'boolean' THEN value::boolean END
$$;

-- ISO dates (YYYY-MM-DD, optionally followed by a time, which is dropped); impossible days such as
-- 2023-02-30 read as NULL.
CREATE FUNCTION published.date_value(value jsonb) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'string'
               AND (value #>> '{}') ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ]|$)' THEN
    CASE WHEN substr(value #>> '{}', 9, 2)::int <= extract(day FROM
                make_date(substr(value #>> '{}', 1, 4)::int, substr(value #>> '{}', 6, 2)::int, 1)
                + interval '1 month' - interval '1 day')
      THEN make_date(substr(value #>> '{}', 1, 4)::int, substr(value #>> '{}', 6, 2)::int,
                     substr(value #>> '{}', 9, 2)::int) END
  END
$$;

-- Casting the geometry to its typed form (e.g. geometry(MultiPolygon, 4490)) hides it from the GiST index
-- on layer_features, so every bbox query of the map server would scan the whole current version (measured
-- on the sample city's land-use plan: 2.5 ms instead of 0.1 ms, growing with the layer). These partial
-- indexes on exactly the expressions the views use keep bbox queries on the index. The view also filters
-- on GeometryType(), which keeps a stray geometry of another type out instead of failing the cast.
CREATE INDEX layer_features_published_point_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(Point, 4490))) WHERE GeometryType(geom) = 'POINT';
CREATE INDEX layer_features_published_linestring_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(LineString, 4490))) WHERE GeometryType(geom) = 'LINESTRING';
CREATE INDEX layer_features_published_polygon_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(Polygon, 4490))) WHERE GeometryType(geom) = 'POLYGON';
CREATE INDEX layer_features_published_multipoint_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(MultiPoint, 4490))) WHERE GeometryType(geom) = 'MULTIPOINT';
CREATE INDEX layer_features_published_multilinestring_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(MultiLineString, 4490)))
  WHERE GeometryType(geom) = 'MULTILINESTRING';
CREATE INDEX layer_features_published_multipolygon_idx ON layer_features
  USING gist (layer_version_id, (geom::geometry(MultiPolygon, 4490))) WHERE GeometryType(geom) = 'MULTIPOLYGON';

-- Creates or replaces published.<layer_code>. `attributes` is a JSON array of {name, type} (type: string,
-- integer, number, date, boolean); every one must be in the layer's attribute schema in the catalog with
-- that type. Identifiers are quoted with %I and the code bound as a literal with %L; nothing is
-- concatenated unquoted. Columns that were dropped or retyped need the view dropped first (CREATE OR
-- REPLACE VIEW can only add columns), which happens in the same transaction.
CREATE FUNCTION ensure_current_version_view(layer_code text, attributes jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  layer_geometry text;
  catalog_schema jsonb;
  attribute jsonb;
  attribute_name text;
  attribute_type text;
  seen text[] := ARRAY['fid', 'feature_key', 'geom'];
  columns text := '';
  definition text;
BEGIN
  IF layer_code IS NULL OR layer_code !~ '^[a-z][a-z0-9_]{1,62}$' THEN
    RAISE EXCEPTION 'not a layer code: %', layer_code USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- one writer per view at a time: two concurrent CREATE VIEWs of a new name collide in pg_class
  PERFORM pg_advisory_xact_lock(hashtext('published view'), hashtext(layer_code));
  SELECT geometry_type, attribute_schema INTO layer_geometry, catalog_schema
  FROM layers WHERE code = layer_code AND deleted_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no layer "%" in the catalog', layer_code USING ERRCODE = 'no_data_found';
  END IF;
  IF layer_geometry NOT IN ('Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon') THEN
    RAISE EXCEPTION 'layer "%" has no vector geometry (%)', layer_code, layer_geometry
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF attributes IS NULL OR jsonb_typeof(attributes) <> 'array' THEN
    RAISE EXCEPTION 'attributes must be a JSON array' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  FOR attribute IN SELECT value FROM jsonb_array_elements(attributes) LOOP
    attribute_name := attribute ->> 'name';
    attribute_type := attribute ->> 'type';
    IF attribute_name IS NULL OR attribute_name = '' OR octet_length(attribute_name) > 63
       OR attribute_name ~ '["[:cntrl:]]' THEN
      RAISE EXCEPTION 'not an attribute name: %', attribute_name USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF attribute_name = ANY (seen) THEN
      RAISE EXCEPTION 'attribute "%" appears twice or clashes with fid, feature_key or geom', attribute_name
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF attribute_type IS NULL OR attribute_type NOT IN ('string', 'integer', 'number', 'date', 'boolean') THEN
      RAISE EXCEPTION 'attribute "%" has an unknown type: %', attribute_name, attribute_type
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT catalog_schema @> jsonb_build_array(jsonb_build_object('name', attribute_name, 'type', attribute_type)) THEN
      RAISE EXCEPTION 'attribute "%" of type % is not in the catalog''s schema of layer "%"',
        attribute_name, attribute_type, layer_code USING ERRCODE = 'invalid_parameter_value';
    END IF;
    seen := seen || attribute_name;
    columns := columns || format(
      CASE attribute_type
        WHEN 'string' THEN ', f.properties ->> %1$L AS %1$I'
        WHEN 'number' THEN ', published.number_value(f.properties -> %1$L) AS %1$I'
        WHEN 'integer' THEN ', published.integer_value(f.properties -> %1$L) AS %1$I'
        WHEN 'boolean' THEN ', published.boolean_value(f.properties -> %1$L) AS %1$I'
        WHEN 'date' THEN ', published.date_value(f.properties -> %1$L) AS %1$I'
      END, attribute_name);
  END LOOP;

  -- layer_geometry is one of the six names checked above; the same expressions as the indexes
  definition := format(
    'SELECT f.id AS fid, f.feature_key%s, f.geom::geometry(%s, 4490) AS geom '
    'FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id '
    'WHERE l.code = %L AND l.deleted_at IS NULL AND GeometryType(f.geom) = %L',
    columns, layer_geometry, layer_code, upper(layer_geometry));
  BEGIN
    EXECUTE format('CREATE OR REPLACE VIEW published.%I AS %s', layer_code, definition);
  EXCEPTION WHEN invalid_table_definition OR datatype_mismatch THEN
    -- a column was removed, renamed or retyped
    EXECUTE format('DROP VIEW published.%I', layer_code);
    EXECUTE format('CREATE VIEW published.%I AS %s', layer_code, definition);
  END;
  EXECUTE format('COMMENT ON VIEW published.%I IS %L', layer_code,
    'current version of layer ' || layer_code || ', maintained by ensure_current_version_view()');
END
$$;

-- Drops published.<layer_code>; returns whether there was one. The layer may already be (softly) deleted.
CREATE FUNCTION drop_current_version_view(layer_code text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF layer_code IS NULL OR layer_code !~ '^[a-z][a-z0-9_]{1,62}$' THEN
    RAISE EXCEPTION 'not a layer code: %', layer_code USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('published view'), hashtext(layer_code));
  IF to_regclass(format('published.%I', layer_code)) IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('DROP VIEW published.%I', layer_code);
  RETURN true;
END
$$;
