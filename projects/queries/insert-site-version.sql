-- A new site version of project $1 (number $2) from the prepared site's EWKB ($3), with why ($4) and who ($5);
-- the row is never changed afterwards. Answers its id and the stored site as GeoJSON, for the check.
INSERT INTO project_site_versions (project_id, version_no, geom, reason, created_by)
VALUES ($1, $2, ST_GeomFromEWKB($3::bytea), $4, $5)
RETURNING id::text, version_no, created_at, ST_AsGeoJSON(geom, 15)::json AS geometry, ST_Area(geom::geography) AS area_m2
