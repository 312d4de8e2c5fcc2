-- The features of one layer version that a map shows: transformed to the CRS of the box, clipped to the
-- box when they reach beyond it, and written as TWKB rounded to about a tenth of a pixel; moving them to
-- pixels and dropping sub-pixel detail is left to the decoder.
-- $1 layer version id; $2..$5 the frame with its margin (minx, miny, maxx, maxy); $6 its SRID (the map's,
-- or 4490 for Web Mercator maps, which the decoder projects); $7 TWKB decimal digits; $8 property names
-- to return (the first four as columns, all of them as the properties object when there are more);
-- $9 whether to add label points.
WITH search AS (
  SELECT
    box,
    -- the frame in EPSG:4490 for the index; densified first, as edges of a projected box curve in lon/lat
    CASE WHEN $6::int = 4490 THEN box
         ELSE ST_Envelope(ST_Transform(ST_Segmentize(box, least($4::float8 - $2::float8, $5::float8 - $3::float8) / 16), 4490))
    END AS area
  FROM (SELECT ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, $6::int) AS box) frame
)
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
