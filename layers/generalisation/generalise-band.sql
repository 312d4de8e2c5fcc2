-- One scale band of a version's generalisation: the version's features grouped by cell (their bounding
-- box's centre, in cells of $4 pixels of the band), by the values of the properties named in $3, and by
-- whether they are smaller than a pixel of the band. A group of larger features is one collection of their
-- geometries: the map's decoder drops what is under half a pixel, as it does for any map, while simplifying
-- here (even to an eighth of a pixel) moved some features across the sizes at which a map outlines or
-- splats them, visibly. A group of polygons smaller than a pixel (also on a Web Mercator map, whose pixels
-- are shorter in latitude) is one MultiPoint ZM of their splats: the small features of a quarter of a band
-- pixel (half its width, half its Web Mercator height) merged into one point at their bounding-box
-- centres' area-weighted mean, Z their planar areas' sum in 10⁻⁹ square degrees and M how many they are, all
-- that a map splatting them reads (a map's pixel is one to two band pixels wide, so a merged splat lands
-- within half a pixel of where its features' would). Each group keeps its TWKB at a tenth of the band's
-- pixel beside its geometry, which maps in EPSG:4490 and Web Mercator read as it is.
-- $1 layer version id; $2 band (zoom level); $3 property names; $4 cell size in pixels.
WITH band AS (
  SELECT 360.0 / 256 / 2 ^ $2::int AS pixel
),
members AS (
  SELECT
    ARRAY(SELECT f.properties ->> u.name FROM unnest($3::text[]) WITH ORDINALITY AS u (name, i) ORDER BY u.i)
      AS property_values,
    c.cx, c.cy,
    floor(c.cx / (b.pixel * $4::int)) AS cell_x,
    floor(c.cy / (b.pixel * $4::int)) AS cell_y,
    GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')
      AND ST_XMax(f.geom) - ST_XMin(f.geom) < b.pixel
      AND (ST_YMax(f.geom) - ST_YMin(f.geom)) / cos(radians(greatest(abs(ST_YMin(f.geom)), abs(ST_YMax(f.geom)))))
          < b.pixel AS small,
    f.geom
  FROM layer_features f CROSS JOIN band b
  CROSS JOIN LATERAL (
    SELECT (ST_XMin(f.geom) + ST_XMax(f.geom)) / 2 AS cx, (ST_YMin(f.geom) + ST_YMax(f.geom)) / 2 AS cy
  ) c
  WHERE f.layer_version_id = $1
),
splats AS (
  SELECT m.cell_x, m.cell_y, m.property_values, count(*) AS n, sum(m.area) AS area,
    coalesce(sum(m.area * m.cx) / nullif(sum(m.area), 0), avg(m.cx)) AS x,
    coalesce(sum(m.area * m.cy) / nullif(sum(m.area), 0), avg(m.cy)) AS y
  FROM (
    SELECT members.*, ST_Area(geom) AS area FROM members WHERE small
  ) m CROSS JOIN band b
  GROUP BY m.cell_x, m.cell_y, m.property_values,
    -- half a pixel of longitude wide, half a pixel of Web Mercator y high (so about half a pixel times cos φ
    -- of latitude): the Mercator ordinate in degrees of longitude, ln(tan(45° + φ/2)) in degrees
    floor(m.cx / (b.pixel / 2)), floor(degrees(ln(tan(radians(45 + m.cy / 2)))) / (b.pixel / 2))
)
INSERT INTO layer_generalised_groups (layer_version_id, band, property_values, member_count, geom, twkb)
SELECT $1, $2, g.property_values, g.member_count, g.geom, ST_AsTWKB(g.geom, band_twkb_digits($2))
FROM (
  SELECT m.property_values, count(*) AS member_count, ST_Collect(m.geom) AS geom
  FROM members m
  WHERE NOT m.small
  GROUP BY m.cell_x, m.cell_y, m.property_values
  UNION ALL
  SELECT s.property_values, sum(s.n),
    ST_SetSRID(ST_Multi(ST_Collect(ST_MakePoint(s.x, s.y, s.area * 1e9, s.n))), 4490)
  FROM splats s
  GROUP BY s.cell_x, s.cell_y, s.property_values
) g
