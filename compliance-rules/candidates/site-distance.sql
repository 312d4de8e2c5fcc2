-- Per candidate site: the nearest distance on the ellipsoid to the features of layer versions $1 (filter $2)
-- closer than $3 metres, with the same box and ST_DWithin test as distance.sql. Sites with none near are
-- absent. Used by min_distance.
SELECT s.site_no, min(ST_Distance(f.geom::geography, s.geom::geography)) AS distance_m
FROM candidate_sites s
JOIN layer_features f ON f.layer_version_id = ANY($1::bigint[])
                     AND f.geom && ST_Expand(s.geom, $3::float8 / 10000.0)
                     AND ST_DWithin(f.geom::geography, s.geom::geography, $3::float8)
WHERE NOT EXISTS (
  SELECT 1 FROM jsonb_each($2::jsonb) c WHERE NOT c.value @> jsonb_build_array(f.properties -> c.key)
)
GROUP BY s.site_no
