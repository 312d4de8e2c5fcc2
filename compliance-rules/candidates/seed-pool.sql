-- Fills candidate_pool: around seed $1[i] (parcel $2[i]), the compatible plan parcels smaller than the
-- required area ($6 m²; $3–$5: filter, code attribute, compatible codes as in single-parcels.sql; $7 search
-- area or null) within a box reaching $8 metres from the seed, with their ellipsoidal areas and centres.
-- $9: the plan layer versions.
INSERT INTO candidate_pool (seed_no, id, geom, area_m2, x, y)
WITH scope AS MATERIALIZED (SELECT ST_GeomFromEWKB($7::bytea) AS geom)
SELECT s.seed_no, f.id, f.geom, ST_Area(f.geom::geography),
       (ST_XMin(f.geom) + ST_XMax(f.geom)) / 2, (ST_YMin(f.geom) + ST_YMax(f.geom)) / 2
FROM scope, unnest($1::int[], $2::bigint[]) AS s (seed_no, id)
JOIN layer_features seed ON seed.id = s.id
JOIN layer_features f
  ON f.layer_version_id = ANY($9::bigint[])
 AND f.geom && ST_Expand(ST_Centroid(seed.geom),
                         $8::float8 / (111320.0 * cos(radians(ST_Y(ST_Centroid(seed.geom))))),
                         $8::float8 / 110574.0)
WHERE ST_Area(f.geom) * 110574.0 * 111320.0 * cos(radians((ST_YMin(f.geom) + ST_YMax(f.geom)) / 2)) < $6::float8
  AND NOT EXISTS (
    SELECT 1 FROM jsonb_each($3::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
  )
  AND EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE left(f.properties ->> $4::text, length(p)) = p)
  AND (scope.geom IS NULL OR ST_CoveredBy(f.geom, scope.geom))
