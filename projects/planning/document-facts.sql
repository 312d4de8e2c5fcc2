-- What the opinion document shows of a project's site ($1: site version id): the site as GeoJSON in
-- EPSG:4490, its ellipsoidal area, its version number, and the district it lies in by name ($2: the
-- project's district code, matched against the current districts layer).
SELECT ST_AsGeoJSON(s.geom, 9)::json AS geometry,
       ST_Area(s.geom::geography) AS area_m2,
       s.version_no,
       (SELECT f.properties ->> 'name'
        FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
        WHERE l.code = 'districts' AND f.properties ->> 'admin_code' = $2::text
        LIMIT 1) AS district_name
FROM project_site_versions s
WHERE s.id = $1::bigint
