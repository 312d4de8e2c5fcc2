-- The pairs of parcels around one seed that share a stretch of boundary (interiors apart, boundaries meeting
-- in a line): a union grown along them stays one polygon. Corner-only contact does not count.
SELECT a.seed_no, a.id::text AS a, b.id::text AS b
FROM candidate_pool a
JOIN candidate_pool b ON b.seed_no = a.seed_no AND b.id > a.id AND b.geom && a.geom
WHERE ST_Relate(a.geom, b.geom, 'F***1****')
