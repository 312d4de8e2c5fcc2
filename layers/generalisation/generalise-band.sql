-- One scale band of a version's generalisation: the version's features grouped by cell (their bounding
-- box's centre, in cells of $4 pixels of the band) and by the values of the properties named in $3, each
-- group one collection of its features. A feature wider than two pixels of the band is simplified to a
-- quarter of a pixel (ST_Simplify keeping what would collapse); smaller ones are kept as they are, their
-- area and centre being what a map draws of them.
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
    CASE
      WHEN greatest(ST_XMax(f.geom) - ST_XMin(f.geom), ST_YMax(f.geom) - ST_YMin(f.geom)) < 2 * b.pixel
        THEN f.geom
      ELSE ST_Simplify(f.geom, b.pixel / 4, true)
    END AS geom
  FROM layer_features f CROSS JOIN band b
  WHERE f.layer_version_id = $1
)
INSERT INTO layer_generalised_groups (layer_version_id, band, property_values, member_count, geom)
SELECT $1, $2, m.property_values, count(*), ST_Collect(m.geom)
FROM members m
GROUP BY m.cell_x, m.cell_y, m.property_values
