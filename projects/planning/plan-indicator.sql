-- The land-use plan's parcels (控规, layer land_use_plan, its current version) a project's site lies on
-- ($1: site version id, null: no site), each with one numeric indicator ($2: attribute name, e.g.
-- plot_ratio) and the ellipsoidal area it shares with the site. Parcels sharing less than 1 % of the site
-- (a boundary drawn a little across a road) are left out. No row: the layer does not exist; a row with a
-- null parcel_key: the site lies on no parcel.
WITH site AS (
  SELECT geom, ST_Area(geom::geography) AS area_m2 FROM project_site_versions WHERE id = $1::bigint
),
parcels AS (
  SELECT f.layer_version_id, f.feature_key, f.properties ->> 'land_use_name' AS land_use_name,
         CASE WHEN jsonb_typeof(f.properties -> $2::text) = 'number'
              THEN (f.properties ->> $2::text)::float8 END AS value,
         ST_Area(ST_Intersection(f.geom, s.geom)::geography) AS shared_m2, s.area_m2
  FROM site s
  JOIN layers l ON l.code = 'land_use_plan' AND l.deleted_at IS NULL
  JOIN layer_features f ON f.layer_version_id = l.current_version_id
   AND f.geom && s.geom AND ST_Intersects(f.geom, s.geom)
)
SELECT l.current_version_id::text AS version_id,
       p.feature_key AS parcel_key,
       p.land_use_name,
       p.value,
       p.shared_m2
FROM layers l
LEFT JOIN parcels p ON p.layer_version_id = l.current_version_id AND p.shared_m2 >= 0.01 * p.area_m2
WHERE l.code = 'land_use_plan' AND l.deleted_at IS NULL
ORDER BY p.shared_m2 DESC NULLS LAST, p.feature_key
