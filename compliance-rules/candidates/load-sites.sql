-- Fills candidate_sites: site $1[i] is made of parcel $2[i]; a site of several parcels is their union.
INSERT INTO candidate_sites (site_no, geom, area_m2)
SELECT u.site_no, u.geom, ST_Area(u.geom::geography)
FROM (
  SELECT g.site_no, ST_Union(f.geom) AS geom
  FROM unnest($1::int[], $2::bigint[]) AS g (site_no, id)
  JOIN layer_features f ON f.id = g.id
  GROUP BY g.site_no
) u
