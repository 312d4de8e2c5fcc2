-- What a caller is told of each candidate site: its geometry as GeoJSON (EPSG:4490), the number of polygons,
-- the ellipsoidal area and perimeter, the land-use classes of its parcels (site $7[i] holds parcel $8[i];
-- code in attribute $2) with their areas, the district it lies most in (layer versions $3, code attribute
-- $4, name attribute $5; none when $3 is empty) and its area outside the city (layer versions $6).
-- $1: the plan layer versions the parcels belong to.
WITH classes AS (
  SELECT g.site_no, f.properties ->> $2::text AS code, sum(ST_Area(f.geom::geography)) AS area_m2
  FROM unnest($7::int[], $8::bigint[]) AS g (site_no, id)
  JOIN layer_features f ON f.id = g.id AND f.layer_version_id = ANY($1::bigint[])
  GROUP BY 1, 2
)
SELECT s.site_no,
       ST_AsGeoJSON(s.geom, 12)::jsonb AS geometry,
       ST_NumGeometries(s.geom) AS polygons,
       s.area_m2,
       ST_Perimeter(s.geom::geography) AS perimeter_m,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', k.code, 'areaM2', k.area_m2)
                                  ORDER BY k.area_m2 DESC, k.code), '[]')
        FROM classes k WHERE k.site_no = s.site_no) AS land_use,
       (SELECT jsonb_build_object('code', d.properties ->> $4::text, 'name', d.properties ->> $5::text)
        FROM layer_features d
        WHERE d.layer_version_id = ANY($3::bigint[]) AND ST_Intersects(d.geom, s.geom)
        ORDER BY CASE WHEN ST_CoveredBy(s.geom, d.geom) THEN 'Infinity'::float8
                      ELSE ST_Area(ST_Intersection(d.geom, s.geom)) END DESC, d.id
        LIMIT 1) AS district,
       CASE WHEN EXISTS (SELECT 1 FROM layer_features c
                         WHERE c.layer_version_id = ANY($6::bigint[]) AND ST_CoveredBy(s.geom, c.geom)) THEN 0
            ELSE coalesce((SELECT ST_Area(ST_CollectionExtract(ST_Difference(s.geom, ST_Union(c.geom)), 3)::geography)
                           FROM layer_features c
                           WHERE c.layer_version_id = ANY($6::bigint[]) AND ST_Intersects(c.geom, s.geom)),
                          s.area_m2) END AS outside_city_m2
FROM candidate_sites s
