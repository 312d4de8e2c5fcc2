-- How large a feature is for vector tiles at small scales, in degrees: the larger of its bounding box's
-- width and its height stretched as Web Mercator stretches it (divided by the cosine of its southern
-- latitude); points count as infinitely large, as a tile always keeps them. One definition for the tile
-- query (which leaves out features under a zoom's minimum size) and the tile coverage (which must agree
-- with it to call a tile empty). Inlined by the planner (a single-statement IMMUTABLE SQL function).
CREATE FUNCTION tile_feature_size(g geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_Dimension(g) = 0 THEN 'Infinity'::float8
              ELSE greatest(ST_XMax(g) - ST_XMin(g), (ST_YMax(g) - ST_YMin(g)) / cos(radians(ST_YMin(g))))
         END
$$;
