-- (after frame-search.sql) The groups of one band of a layer version's generalisation that reach into the
-- frame, each a collection of features written as TWKB rounded to about a tenth of a pixel (as stored, a
-- tenth of the band's pixel, for EPSG:4490 and Web Mercator frames); a group is read whole (its cell is at
-- most a few dozen pixels of the map), the decoder splits it into its features.
-- A group of features smaller than a pixel is a MultiPoint Z whose Z is each feature's area: in a frame of
-- another CRS than EPSG:4490 (not Web Mercator, which the decoder projects) the areas are scaled by the
-- group's local ratio of areas in that CRS to areas in degrees, so that Z stays 10⁻⁹ square units.
-- $1 layer version id; $2..$6 the frame (frame-search.sql); $7 TWKB decimal digits; $8 the band.
SELECT
  CASE WHEN $6::int = 4490 THEN g.twkb ELSE ST_AsTWKB(
    CASE WHEN ST_NDims(g.geom) > 2 THEN ST_Scale(ST_Transform(g.geom, $6::int), 1, 1,
           ST_Area(ST_Transform(ST_Expand(ST_Centroid(g.geom), 0.001), $6::int)) / ST_Area(ST_Expand(ST_Centroid(g.geom), 0.001)))
         ELSE ST_Transform(g.geom, $6::int)
    END, $7::int) END AS shape,
  g.property_values
FROM layer_generalised_groups g
CROSS JOIN search s
WHERE g.layer_version_id = $1 AND g.band = $8 AND g.geom && s.area
