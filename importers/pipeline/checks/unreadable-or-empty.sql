-- Features whose geometry could not be read or is empty.
SELECT ordinal, feature_key,
       CASE WHEN geom IS NULL THEN 'unreadable_geometry' ELSE 'empty_geometry' END AS code
FROM staging_features
WHERE NOT rejected AND (geom IS NULL OR ST_IsEmpty(geom))
ORDER BY ordinal
