-- The search area of districts $3 (codes in attribute $2 of district layer versions $1): the codes found and
-- the union of their polygons as EWKB.
SELECT coalesce(array_agg(DISTINCT f.properties ->> $2::text), '{}') AS found,
       ST_AsEWKB(ST_Union(f.geom)) AS ewkb
FROM layer_features f
WHERE f.layer_version_id = ANY($1::bigint[]) AND f.properties ->> $2::text = ANY($3::text[])
