-- Districts and place names matching a text: one row per (layer, attribute value), with its features'
-- count, extent and geometry (simplified, for highlighting). $1 readable admin-division layer codes,
-- $2 other readable layer codes, $3 district attributes, $4 place attributes, $5 ILIKE pattern,
-- $6 the text itself, $7 how many rows.
WITH candidates AS (
  SELECT CASE WHEN l.code = ANY($1::text[]) THEN 'district' ELSE 'place' END AS kind,
         l.code AS layer_code, l.name AS layer_name, l.sort_order,
         f.properties ->> a.attribute AS name, f.geom
  FROM layers l
  JOIN layer_features f ON f.layer_version_id = l.current_version_id
  CROSS JOIN LATERAL unnest(CASE WHEN l.code = ANY($1::text[]) THEN $3::text[] ELSE $4::text[] END)
    AS a(attribute)
  WHERE l.deleted_at IS NULL
    AND (l.code = ANY($1::text[]) OR l.code = ANY($2::text[]))
    AND f.properties ->> a.attribute ILIKE $5 ESCAPE '\'
),
grouped AS (
  SELECT kind, layer_code, layer_name, min(sort_order) AS sort_order, name, count(*)::int AS feature_count,
         ST_Extent(geom) AS box,
         ST_Collect(ST_SimplifyPreserveTopology(geom, 0.00002)) AS geom
  FROM candidates
  GROUP BY kind, layer_code, layer_name, name
)
SELECT kind, layer_code AS "layerCode", layer_name AS "layerName", name, feature_count AS "featureCount",
       json_build_array(ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)) AS bbox,
       ST_AsGeoJSON(geom, 7)::json AS geometry
FROM grouped
ORDER BY kind = 'district' DESC, name = $6 DESC, name ILIKE ($6 || '%') DESC,
         similarity(name, $6) DESC, length(name), sort_order, name
LIMIT $7
