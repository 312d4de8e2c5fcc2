-- Turns each staged GeoJSON geometry into a PostGIS geometry; a geometry PostGIS cannot read stays NULL.
CREATE OR REPLACE FUNCTION pg_temp.geometry_or_null(geojson text) RETURNS geometry
LANGUAGE plpgsql AS $$
BEGIN
  RETURN ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4490);
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
UPDATE staging_features SET geom = pg_temp.geometry_or_null(geojson);
