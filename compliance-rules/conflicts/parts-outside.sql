-- The parts of a pair of kind `outside`: every left feature of version $2 matching the left side, less the
-- union of the right features of version $3 matching the right side that it touches (the whole feature
-- when it touches none). Features covered by one right feature are skipped before any overlay is computed.
-- $1 is the pair's place in the set; sides are ($4 filter, $5 class attribute, $6 classes) and ($7, $8, $9).
INSERT INTO conflict_parts (pair_index, left_id, left_key, right_id, right_key, part)
SELECT $1, l.id, l.feature_key, NULL, NULL,
       CASE WHEN u.geom IS NULL THEN l.geom ELSE ST_CollectionExtract(ST_Difference(l.geom, u.geom), 3) END
FROM layer_features l
LEFT JOIN LATERAL (
  SELECT ST_Union(r.geom) AS geom FROM layer_features r
  WHERE r.layer_version_id = $3 AND ST_Intersects(r.geom, l.geom)
    AND conflict_side_matches(r.properties, $7::jsonb, $8::text, $9::text[])
) u ON true
WHERE l.layer_version_id = $2
  AND conflict_side_matches(l.properties, $4::jsonb, $5::text, $6::text[])
  AND NOT EXISTS (
    SELECT 1 FROM layer_features r
    WHERE r.layer_version_id = $3 AND ST_Covers(r.geom, l.geom)
      AND conflict_side_matches(r.properties, $7::jsonb, $8::text, $9::text[])
  )
