-- Plan parcels (layer versions $1, filter $2) of a land-use class (code in attribute $3) the project type may
-- use ($4: compatible codes or their parents), inside the search area ($5 EWKB, or null: anywhere), of at
-- least $6 m² on the ellipsoid: the $7 closest to that area. A planar area in degrees scaled by the latitude
-- (within 1 % of the ellipsoidal one) rules out the small parcels before the exact area is computed.
WITH compatible AS (
  SELECT f.id, f.geom
  FROM layer_features f
  WHERE f.layer_version_id = ANY($1::bigint[])
    AND ST_Area(f.geom) * 110574.0 * 111320.0 * cos(radians((ST_YMin(f.geom) + ST_YMax(f.geom)) / 2))
        >= $6::float8 * 0.97
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
    )
    AND EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE left(f.properties ->> $3::text, length(p)) = p)
),
measured AS (
  SELECT c.id, ST_Area(c.geom::geography) AS area_m2
  FROM compatible c
  WHERE $5::bytea IS NULL OR ST_CoveredBy(c.geom, ST_GeomFromEWKB($5::bytea))
)
SELECT id::text AS id, area_m2
FROM measured
WHERE area_m2 >= $6::float8
ORDER BY area_m2, id
LIMIT $7::int
