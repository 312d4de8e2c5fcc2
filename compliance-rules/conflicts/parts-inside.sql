-- The parts of a pair of kind `inside`: for every left feature of version $2 matching the left side and
-- every right feature of version $3 matching the right side that it overlaps, their intersection (one part
-- per pair of features). $1 is the pair's place in the set; sides are ($4 filter, $5 class attribute,
-- $6 classes) and ($7, $8, $9).
INSERT INTO conflict_parts (pair_index, left_id, left_key, right_id, right_key, part)
SELECT $1, l.id, l.feature_key, r.id, r.feature_key,
       ST_CollectionExtract(ST_Intersection(l.geom, r.geom), 3)
FROM layer_features l
JOIN layer_features r ON r.layer_version_id = $3 AND ST_Intersects(l.geom, r.geom)
WHERE l.layer_version_id = $2
  AND conflict_side_matches(l.properties, $4::jsonb, $5::text, $6::text[])
  AND conflict_side_matches(r.properties, $7::jsonb, $8::text, $9::text[])
