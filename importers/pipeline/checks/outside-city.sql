-- Features wholly or partly outside the city boundary (the current version of layer $1).
WITH city AS (
  SELECT ST_Union(f.geom) AS geom
  FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
  WHERE l.code = $1
)
SELECT s.ordinal, s.feature_key, ST_Intersects(s.geom, city.geom) AS partly
FROM staging_features s, city
WHERE city.geom IS NOT NULL AND s.geom IS NOT NULL AND NOT s.rejected AND NOT ST_Within(s.geom, city.geom)
ORDER BY s.ordinal
