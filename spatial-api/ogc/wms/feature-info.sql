-- The features of one layer version near a map pixel: those within a radius of the pixel's centre (both
-- in the map's CRS, the search area then taken to EPSG:4490 for the index), nearest first.
-- $1 layer version id; $2, $3 the point in the map CRS; $4 its SRID; $5 radius in map units;
-- $6 most features to return; $7 geometry encoding to add: 'json', 'gml' or 'none'.
WITH probe AS (
  SELECT ST_SetSRID(ST_MakePoint($2::float8, $3::float8), $4::int) AS point
),
search AS (
  SELECT
    CASE WHEN $4::int = 4490 THEN point ELSE ST_Transform(point, 4490) END AS point,
    CASE WHEN $4::int = 4490 THEN ST_Buffer(point, $5::float8, 8)
         ELSE ST_Transform(ST_Buffer(point, $5::float8, 8), 4490)
    END AS area
  FROM probe
)
SELECT
  f.id::text AS id,
  f.feature_key,
  f.properties,
  CASE WHEN $7::text = 'json' THEN ST_AsGeoJSON(f.geom, 9, 0)::json END AS geojson,
  -- GML 3 with the long srsName, lat/lon axis order (option 16) and LineString/Polygon elements (4)
  CASE WHEN $7::text = 'gml' THEN ST_AsGML(3, f.geom, 9, 1 | 4 | 16, 'gml', 'g' || f.id) END AS gml
FROM layer_features f, search s
WHERE f.layer_version_id = $1 AND f.geom && s.area AND ST_Intersects(f.geom, s.area)
ORDER BY ST_Distance(f.geom, s.point), f.id
LIMIT $6
