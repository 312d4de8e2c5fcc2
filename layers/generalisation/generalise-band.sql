-- One scale band of a version's generalisation: the version's features grouped by cell (their bounding
-- box's centre, in cells of $4 pixels of the band), by the values of the properties named in $3, and by
-- whether they are smaller than a pixel of the band. A group of larger features is one collection of their
-- geometries: the map's decoder drops what is under half a pixel, as it does for any map, while simplifying
-- here (even to an eighth of a pixel) moved some features across the sizes at which a map outlines or
-- splats them, visibly. A group of polygons smaller than a pixel (also on a Web Mercator map, whose pixels
-- are shorter in latitude) is one MultiPoint Z: each feature's bounding-box centre with its planar area in
-- 10⁻⁹ square degrees as Z, all that a map splatting them reads.
-- $1 layer version id; $2 band (zoom level); $3 property names; $4 cell size in pixels.
WITH band AS (
  SELECT 360.0 / 256 / 2 ^ $2::int AS pixel
),
members AS (
  SELECT
    ARRAY(SELECT f.properties ->> u.name FROM unnest($3::text[]) WITH ORDINALITY AS u (name, i) ORDER BY u.i)
      AS property_values,
    floor((ST_XMin(f.geom) + ST_XMax(f.geom)) / 2 / (b.pixel * $4::int)) AS cell_x,
    floor((ST_YMin(f.geom) + ST_YMax(f.geom)) / 2 / (b.pixel * $4::int)) AS cell_y,
    GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')
      AND ST_XMax(f.geom) - ST_XMin(f.geom) < b.pixel
      AND (ST_YMax(f.geom) - ST_YMin(f.geom)) / cos(radians(greatest(abs(ST_YMin(f.geom)), abs(ST_YMax(f.geom)))))
          < b.pixel AS small,
    f.geom
  FROM layer_features f CROSS JOIN band b
  WHERE f.layer_version_id = $1
)
INSERT INTO layer_generalised_groups (layer_version_id, band, property_values, member_count, geom)
SELECT $1, $2, m.property_values, count(*),
  CASE WHEN m.small
    THEN ST_SetSRID(ST_Multi(ST_Collect(ST_MakePoint((ST_XMin(m.geom) + ST_XMax(m.geom)) / 2,
                                            (ST_YMin(m.geom) + ST_YMax(m.geom)) / 2,
                                            ST_Area(m.geom) * 1e9))), 4490)
    ELSE ST_Collect(m.geom)
  END
FROM members m
GROUP BY m.cell_x, m.cell_y, m.property_values, m.small
