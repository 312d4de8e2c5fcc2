-- A submitted site as the check uses it: in EPSG:4490 (transformed from the given proj4 definition, $2, when
-- not already CGCS2000), repaired when invalid, polygons only, with its ellipsoidal area and how much of it
-- lies outside the city ($3: the city boundary layer's current version); as EWKB for the rules' queries and as
-- GeoJSON with nine decimals (as a stored run presents its site).
-- $1 GeoJSON text, $2 proj4 text or null, $3 layer version id
WITH given AS (
  SELECT CASE WHEN $2::text IS NULL THEN ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490)
              ELSE ST_Transform(ST_GeomFromGeoJSON($1::text), $2::text, 4490) END AS geom
),
checked AS (
  SELECT geom, ST_IsEmpty(geom) AS empty, ST_IsValid(geom) AS valid,
         CASE WHEN ST_IsValid(geom) THEN NULL ELSE ST_IsValidReason(geom) END AS reason
  FROM given
),
site AS (
  SELECT empty, valid, reason,
         CASE WHEN empty THEN NULL
              WHEN valid THEN ST_Multi(geom)
              ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) END AS geom
  FROM checked
),
measured AS (
  SELECT s.*,
         s.geom IS NOT NULL AND NOT ST_IsEmpty(s.geom)
           AND ST_XMin(s.geom) >= -180 AND ST_XMax(s.geom) <= 180
           AND ST_YMin(s.geom) >= -90 AND ST_YMax(s.geom) <= 90 AS on_earth
  FROM site s
)
SELECT m.empty OR m.geom IS NULL OR ST_IsEmpty(m.geom) AS empty,
       m.valid,
       m.reason,
       m.on_earth,
       CASE WHEN m.on_earth THEN ST_AsEWKB(m.geom) END AS ewkb,
       CASE WHEN m.on_earth THEN ST_AsGeoJSON(m.geom, 9)::jsonb END AS geojson,
       CASE WHEN m.on_earth THEN ST_Area(m.geom::geography) END AS area_m2,
       CASE WHEN m.on_earth THEN ST_Area(ST_Difference(m.geom, city.geom)::geography) END AS outside_city_m2,
       CASE WHEN m.geom IS NOT NULL AND NOT ST_IsEmpty(m.geom)
            THEN ARRAY[ST_XMin(m.geom), ST_YMin(m.geom), ST_XMax(m.geom), ST_YMax(m.geom)] END AS bbox
FROM measured m
CROSS JOIN LATERAL (
  SELECT coalesce(ST_Union(f.geom), 'SRID=4490;POLYGON EMPTY'::geometry) AS geom
  FROM layer_features f
  WHERE f.layer_version_id = $3::bigint AND m.on_earth AND ST_Intersects(f.geom, m.geom)
) city
