-- What a caller is told of each candidate site: its geometry as GeoJSON (EPSG:4490), the number of polygons,
-- the ellipsoidal area and perimeter, the parcels' land-use classes (attribute $2 of plan layer versions $1)
-- with their areas, the district it lies most in (layer versions $3, code attribute $4, name attribute $5;
-- none when $3 is empty) and its area outside the city (layer versions $6).
SELECT s.site_no,
       ST_AsGeoJSON(s.geom, 12)::jsonb AS geometry,
       ST_NumGeometries(s.geom) AS polygons,
       s.area_m2,
       ST_Perimeter(s.geom::geography) AS perimeter_m,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', k.code, 'areaM2', k.area_m2) ORDER BY k.area_m2 DESC), '[]')
        FROM (SELECT f.properties ->> $2::text AS code,
                     sum(ST_Area(ST_CollectionExtract(ST_Intersection(f.geom, s.geom), 3)::geography)) AS area_m2
              FROM layer_features f
              WHERE f.layer_version_id = ANY($1::bigint[]) AND ST_Intersects(f.geom, s.geom)
                AND ST_Relate(f.geom, s.geom, 'T********')
              GROUP BY 1) k) AS land_use,
       (SELECT jsonb_build_object('code', d.properties ->> $4::text, 'name', d.properties ->> $5::text)
        FROM layer_features d
        WHERE d.layer_version_id = ANY($3::bigint[]) AND ST_Intersects(d.geom, s.geom)
        ORDER BY ST_Area(ST_Intersection(d.geom, s.geom)) DESC, d.id
        LIMIT 1) AS district,
       coalesce((SELECT ST_Area(ST_CollectionExtract(ST_Difference(s.geom, ST_Union(c.geom)), 3)::geography)
                 FROM layer_features c
                 WHERE c.layer_version_id = ANY($6::bigint[]) AND ST_Intersects(c.geom, s.geom)),
                s.area_m2) AS outside_city_m2
FROM candidate_sites s
