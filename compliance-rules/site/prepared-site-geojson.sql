-- A prepared site (EWKB in EPSG:4490) as GeoJSON with nine decimals (about 0.1 mm), for a client to edit.
-- $1 EWKB
SELECT ST_AsGeoJSON(ST_GeomFromEWKB($1::bytea), 9)::json AS geometry
