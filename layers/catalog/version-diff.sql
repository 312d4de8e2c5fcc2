-- What changed between two versions of a layer, matching features by their key: counts, and ellipsoidal
-- areas in m² (added and removed: their area; changed: the area of the symmetric difference).
WITH a AS (SELECT feature_key, properties, geom FROM layer_features WHERE layer_version_id = $1),
     b AS (SELECT feature_key, properties, geom FROM layer_features WHERE layer_version_id = $2),
     pairs AS (
       SELECT a.geom AS old_geom, b.geom AS new_geom,
              CASE
                WHEN a.feature_key IS NULL THEN 'added'
                WHEN b.feature_key IS NULL THEN 'removed'
                WHEN a.properties = b.properties AND ST_Equals(a.geom, b.geom) THEN 'unchanged'
                ELSE 'changed'
              END AS change
       FROM a FULL OUTER JOIN b ON a.feature_key = b.feature_key
     )
SELECT change,
       count(*) AS n,
       coalesce(sum(CASE change
         WHEN 'added' THEN ST_Area(new_geom::geography)
         WHEN 'removed' THEN ST_Area(old_geom::geography)
         WHEN 'changed' THEN ST_Area(ST_SymDifference(old_geom, new_geom)::geography)
         ELSE 0 END), 0) AS area_m2
FROM pairs
GROUP BY change
