-- Geometries of a document map, from GeoJSON in EPSG:4490 to Web Mercator GeoJSON (centimetres), in the
-- order given. $1 the GeoJSON texts.
SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g.text), 4490), 3857), 2)::json AS shape
FROM unnest($1::text[]) WITH ORDINALITY AS g(text, n)
ORDER BY g.n
