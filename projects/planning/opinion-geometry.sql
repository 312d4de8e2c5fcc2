-- A drawing submitted with an opinion, as PostGIS reads it: GeoJSON in EPSG:4490 ($1 text). Whether it is
-- empty, valid (and why not), inside longitude/latitude range, and its type.
WITH given AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS geom)
SELECT ST_IsEmpty(geom) AS empty,
       ST_IsValid(geom) AS valid,
       CASE WHEN ST_IsValid(geom) THEN NULL ELSE ST_IsValidReason(geom) END AS reason,
       NOT ST_IsEmpty(geom) AND ST_XMin(geom) >= -180 AND ST_XMax(geom) <= 180
         AND ST_YMin(geom) >= -90 AND ST_YMax(geom) <= 90 AS on_earth,
       GeometryType(geom) AS type
FROM given
