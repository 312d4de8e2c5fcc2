-- Plan parcels (layer versions $1, filter $2) of a land-use class (code in attribute $3) the project type may
-- use ($4: compatible codes or their parents), inside the search area ($5 EWKB, or null: anywhere), of at
-- least $6 m² on the ellipsoid: the $7 closest to that area. The index on planar area (migration 017) finds
-- the parcels above a lower bound in square degrees (the area over the metres a square degree spans where
-- the versions' extents come nearest the equator, less 3 %) before the exact area is computed.
WITH bound AS (
  SELECT $6::float8 * 0.97 / (110574.0 * 111320.0 * max(
           CASE WHEN v.extent IS NULL OR (ST_YMin(v.extent) <= 0 AND ST_YMax(v.extent) >= 0) THEN 1.0
                ELSE cos(radians(least(abs(ST_YMin(v.extent)), abs(ST_YMax(v.extent))))) END)) AS deg2
  FROM layer_versions v WHERE v.id = ANY($1::bigint[])
),
scope AS MATERIALIZED (SELECT ST_GeomFromEWKB($5::bytea) AS geom),
large AS (
  SELECT f.id, f.geom
  FROM layer_features f
  WHERE f.layer_version_id = ANY($1::bigint[])
    AND ST_Area(f.geom) >= (SELECT deg2 FROM bound)
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
    AND EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE left(f.properties ->> $3::text, length(p)) = p)
  ORDER BY ST_Area(f.geom), f.id
  LIMIT $7::int * 4
),
measured AS (
  SELECT l.id, ST_Area(l.geom::geography) AS area_m2
  FROM large l, scope
  WHERE scope.geom IS NULL OR ST_CoveredBy(l.geom, scope.geom)
)
SELECT id::text AS id, area_m2
FROM measured
WHERE area_m2 >= $6::float8
ORDER BY area_m2, id
LIMIT $7::int
