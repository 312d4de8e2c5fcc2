-- How site version $3 of project $1 differs from version $2: the ellipsoidal area added (in $3, not in $2)
-- and removed (in $2, not in $3), both as geometries (null when nothing), and whether they are equal.
WITH pair AS (
  SELECT a.geom AS a, b.geom AS b
  FROM project_site_versions a, project_site_versions b
  WHERE a.project_id = $1 AND a.version_no = $2 AND b.project_id = $1 AND b.version_no = $3
),
parts AS (
  SELECT ST_Equals(a, b) AS same,
         ST_Area(a::geography) AS from_m2, ST_Area(b::geography) AS to_m2,
         ST_Multi(ST_CollectionExtract(ST_Difference(b, a), 3)) AS added,
         ST_Multi(ST_CollectionExtract(ST_Difference(a, b), 3)) AS removed,
         ST_Area(ST_Intersection(a, b)::geography) AS kept_m2
  FROM pair
)
SELECT same, from_m2, to_m2, kept_m2,
       coalesce(ST_Area(added::geography), 0) AS added_m2,
       coalesce(ST_Area(removed::geography), 0) AS removed_m2,
       CASE WHEN NOT ST_IsEmpty(added) THEN ST_AsGeoJSON(added, 9)::json END AS added,
       CASE WHEN NOT ST_IsEmpty(removed) THEN ST_AsGeoJSON(removed, 9)::json END AS removed
FROM parts
