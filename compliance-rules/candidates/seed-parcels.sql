-- Where merged candidates may grow: the compatible plan parcels smaller than the required area ($6 m²;
-- parameters $1–$5 as in single-parcels.sql) are counted in square cells of about the required area's side;
-- the $7 cells with the most such land give one seed each, the parcel nearest the cell's centre of that land.
-- The land is counted on a repeatable sample of $8 % of the table's pages (100 for a small plan), so a
-- city of half a million parcels is not read whole for it.
WITH scope AS MATERIALIZED (SELECT ST_GeomFromEWKB($5::bytea) AS geom),
compatible AS (
  SELECT f.id, f.geom,
         ST_Area(f.geom) * 110574.0 * 111320.0 * cos(radians((ST_YMin(f.geom) + ST_YMax(f.geom)) / 2)) AS approx_m2,
         (ST_XMin(f.geom) + ST_XMax(f.geom)) / 2 AS x,
         (ST_YMin(f.geom) + ST_YMax(f.geom)) / 2 AS y
  FROM layer_features f TABLESAMPLE SYSTEM ($8::float4) REPEATABLE (20240601)
  WHERE f.layer_version_id = ANY($1::bigint[])
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
    AND EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE left(f.properties ->> $3::text, length(p)) = p)
),
small AS (
  SELECT c.*,
         floor(c.y * 110574.0 / sqrt($6::float8)) AS row_no,
         floor(c.x * 111320.0 * cos(radians(c.y)) / sqrt($6::float8)) AS col_no
  FROM compatible c, scope
  WHERE c.approx_m2 < $6::float8
    AND (scope.geom IS NULL OR ST_CoveredBy(c.geom, scope.geom))
),
cells AS (
  SELECT row_no, col_no, sum(approx_m2) AS land_m2,
         sum(x * approx_m2) / sum(approx_m2) AS cx, sum(y * approx_m2) / sum(approx_m2) AS cy
  FROM small
  GROUP BY row_no, col_no
  ORDER BY land_m2 DESC, row_no, col_no
  LIMIT $7::int
)
SELECT s.id::text AS id
FROM cells k
CROSS JOIN LATERAL (
  SELECT m.id FROM small m
  WHERE m.row_no = k.row_no AND m.col_no = k.col_no
  ORDER BY (m.x - k.cx) ^ 2 + (m.y - k.cy) ^ 2, m.id
  LIMIT 1
) s
ORDER BY k.land_m2 DESC, k.row_no, k.col_no
