-- Attribute values that are not codes of the attribute's code list. $1 attribute name, $2 the codes.
SELECT ordinal, feature_key, properties ->> $1 AS value
FROM staging_features
WHERE coalesce(properties ->> $1, '') <> '' AND NOT (properties ->> $1 = ANY ($2::text[]))
ORDER BY ordinal
