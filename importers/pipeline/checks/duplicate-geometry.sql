-- Features whose geometry repeats an earlier feature's exactly.
SELECT ordinal, feature_key, first_ordinal
FROM (
  SELECT ordinal, feature_key,
         first_value(ordinal) OVER (PARTITION BY ST_AsBinary(ST_Normalize(geom)) ORDER BY ordinal) AS first_ordinal
  FROM staging_features
  WHERE geom IS NOT NULL AND NOT rejected AND NOT ST_IsEmpty(geom)
) ranked
WHERE ordinal <> first_ordinal
ORDER BY ordinal
