-- Invalid geometries, their repair with ST_MakeValid (keeping the layer's dimension), and how much the
-- repair changes the ellipsoidal area. $1: the dimension to keep (1 lines, 2 polygons, 0 points).
WITH invalid AS (
  SELECT ordinal, feature_key, geom, ST_IsValidReason(geom) AS reason,
         CASE $1::int
           WHEN 2 THEN ST_CollectionExtract(ST_MakeValid(geom), 3)
           WHEN 1 THEN ST_CollectionExtract(ST_MakeValid(geom), 2)
           ELSE ST_MakeValid(geom)
         END AS repaired
  FROM staging_features
  WHERE NOT rejected AND geom IS NOT NULL AND NOT ST_IsEmpty(geom) AND NOT ST_IsValid(geom)
)
SELECT ordinal, feature_key, reason, repaired,
       abs(ST_Area(geom::geography)) AS area_before_m2,
       ST_Area(repaired::geography) AS area_after_m2
FROM invalid
ORDER BY ordinal
