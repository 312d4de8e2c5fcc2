-- How the site of run $2 differs from that of run $1: the ellipsoidal area added and removed, and the geometries.
SELECT ST_Equals(a.site_geom, b.site_geom) AS same,
       ST_Area(ST_Difference(b.site_geom, a.site_geom)::geography) AS added_m2,
       ST_Area(ST_Difference(a.site_geom, b.site_geom)::geography) AS removed_m2
FROM compliance_runs a, compliance_runs b
WHERE a.id = $1::bigint AND b.id = $2::bigint
