-- The frame a map reads, shared by feature-query.sql and generalised-query.sql (which follow it):
-- $2..$5 the frame with its margin (minx, miny, maxx, maxy); $6 its SRID (the map's, or 4490 for Web
-- Mercator maps, which the decoder projects).
WITH search AS (
  SELECT
    box,
    -- the frame in EPSG:4490 for the index; densified first, as edges of a projected box curve in lon/lat
    CASE WHEN $6::int = 4490 THEN box
         ELSE ST_Envelope(ST_Transform(ST_Segmentize(box, least($4::float8 - $2::float8, $5::float8 - $3::float8) / 16), 4490))
    END AS area
  FROM (SELECT ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, $6::int) AS box) frame
)
