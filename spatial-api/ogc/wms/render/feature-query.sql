-- (after frame-search.sql) The features of one layer version that a map shows: transformed to the CRS of
-- the box, clipped to the box when they reach beyond it, and written as TWKB rounded to about a tenth of a
-- pixel; moving them to pixels and dropping sub-pixel detail is left to the decoder.
-- $1 layer version id; $2..$6 the frame (frame-search.sql); $7 TWKB decimal digits; $8 property names to
-- return (the first four as columns, all of them as the properties object when there are more); $9 whether
-- to add label points.
SELECT
  ST_AsTWKB(d.geom, $7::int) AS shape,
  CASE WHEN $9::boolean THEN ST_AsTWKB(ST_PointOnSurface(d.geom), $7::int) END AS label_at,
  d.properties ->> ($8::text[])[1] AS v1,
  d.properties ->> ($8::text[])[2] AS v2,
  d.properties ->> ($8::text[])[3] AS v3,
  d.properties ->> ($8::text[])[4] AS v4,
  CASE WHEN cardinality($8::text[]) > 4 THEN d.properties END AS properties
FROM (
  SELECT
    f.properties,
    CASE WHEN f.geom @ s.area THEN p.geom ELSE ST_ClipByBox2D(p.geom, s.box) END AS geom
  FROM layer_features f
  CROSS JOIN search s
  CROSS JOIN LATERAL (SELECT CASE WHEN $6::int = 4490 THEN f.geom ELSE ST_Transform(f.geom, $6::int) END AS geom) p
  WHERE f.layer_version_id = $1 AND f.geom && s.area
) d
