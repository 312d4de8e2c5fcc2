-- Where one layer version has features: the zoom-$2 XYZ tiles that their bounding boxes touch, as
-- x * 2^$2 + y, each with the tile_feature_size (migration 013) of the largest feature touching it.
-- Both arrays are NULL when the boxes would cover more than $3 tiles (a coverage too big to keep).
-- Boxes are lon/lat (EPSG:4490, which Web Mercator tiles treat as WGS 84) padded by $4 degrees; tile
-- numbers follow the XYZ scheme (y down from 85.0511°N).
WITH boxes AS (
  SELECT
    greatest(-180, ST_XMin(f.geom) - $4) AS west,
    least(180, ST_XMax(f.geom) + $4) AS east,
    greatest(-85.0511287798, ST_YMin(f.geom) - $4) AS south,
    least(85.0511287798, ST_YMax(f.geom) + $4) AS north,
    tile_feature_size(f.geom) AS size
  FROM layer_features f
  WHERE f.layer_version_id = $1
),
spans AS (
  SELECT
    floor((west + 180) / 360 * 2 ^ $2)::int AS x0,
    least(2 ^ $2 - 1, floor((east + 180) / 360 * 2 ^ $2))::int AS x1,
    floor((1 - ln(tan(radians(north)) + 1 / cos(radians(north))) / pi()) / 2 * 2 ^ $2)::int AS y0,
    least(2 ^ $2 - 1, floor((1 - ln(tan(radians(south)) + 1 / cos(radians(south))) / pi()) / 2 * 2 ^ $2))::int AS y1,
    size
  FROM boxes
),
total AS (
  SELECT coalesce(sum((x1 - x0 + 1)::bigint * (y1 - y0 + 1)), 0) AS tiles FROM spans
),
cells AS (
  SELECT x::bigint * (2 ^ $2)::bigint + y AS cell, max(size) AS size
  FROM spans, generate_series(x0, x1) x, generate_series(y0, y1) y
  WHERE (SELECT tiles FROM total) <= $3
  GROUP BY 1
)
SELECT
  CASE WHEN t.tiles > $3 THEN NULL ELSE coalesce(c.tiles, '{}') END AS tiles,
  CASE WHEN t.tiles > $3 THEN NULL ELSE coalesce(c.sizes, '{}') END AS sizes
FROM total t,
     (SELECT array_agg(cell ORDER BY cell) AS tiles, array_agg(size ORDER BY cell) AS sizes FROM cells) c
