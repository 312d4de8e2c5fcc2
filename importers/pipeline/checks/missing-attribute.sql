-- Required attributes that are missing or blank. $1: the names of the required attributes.
SELECT s.ordinal, s.feature_key, required.name
FROM staging_features s, unnest($1::text[]) AS required(name)
WHERE coalesce(trim(s.properties ->> required.name), '') = ''
ORDER BY s.ordinal, required.name
