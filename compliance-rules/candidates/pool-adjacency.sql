-- The pairs of pool parcels that share an edge: a segment of one parcel's boundary that is also a segment of
-- the other's (the same two vertices, in either direction). Plan parcels that tile a block share their
-- boundary vertices, so this finds every neighbour along a common stretch of boundary without an overlay;
-- a union grown along such pairs is one polygon (checked again on the union). Corner contact does not count.
WITH parcels AS (SELECT DISTINCT ON (id) id, geom FROM candidate_pool ORDER BY id),
segments AS (
  SELECT p.id,
         least(ST_AsBinary(ST_StartPoint(d.geom)), ST_AsBinary(ST_EndPoint(d.geom))) AS a,
         greatest(ST_AsBinary(ST_StartPoint(d.geom)), ST_AsBinary(ST_EndPoint(d.geom))) AS b
  FROM parcels p, ST_DumpSegments(p.geom) d
)
SELECT DISTINCT s1.id::text AS a, s2.id::text AS b
FROM segments s1
JOIN segments s2 ON s2.a = s1.a AND s2.b = s1.b AND s2.id > s1.id
