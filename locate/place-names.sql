-- Districts and place names matching a text: one row per (layer, attribute value), with its features'
-- count, extent and geometry (simplified, for highlighting). $1, $2, $3: the (layer code, name attribute,
-- kind) pairs to search, only attributes the layer declares; $4 ILIKE pattern; $5 the text itself;
-- $6 how many rows.
WITH sources AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS s(layer_code, attribute, kind)
),
candidates AS (
  SELECT s.kind, l.code AS layer_code, l.name AS layer_name, l.sort_order,
         f.properties ->> s.attribute AS name, f.geom
  FROM sources s
  JOIN layers l ON l.code = s.layer_code AND l.deleted_at IS NULL
  JOIN layer_features f ON f.layer_version_id = l.current_version_id
  WHERE f.properties ->> s.attribute ILIKE $4 ESCAPE '\'
),
-- ranked and cut to the page first: the outlines are collected for the rows returned only
ranked AS (
  SELECT kind, layer_code, layer_name, min(sort_order) AS sort_order, name, count(*)::int AS feature_count,
         ST_Extent(geom) AS box
  FROM candidates
  GROUP BY kind, layer_code, layer_name, name
  ORDER BY kind = 'district' DESC, name = $5 DESC, name ILIKE ($5 || '%') DESC,
           similarity(name, $5) DESC, length(name), min(sort_order), name
  LIMIT $6
)
SELECT r.kind, r.layer_code AS "layerCode", r.layer_name AS "layerName", r.name,
       r.feature_count AS "featureCount",
       json_build_array(ST_XMin(r.box), ST_YMin(r.box), ST_XMax(r.box), ST_YMax(r.box)) AS bbox,
       (SELECT ST_AsGeoJSON(ST_Collect(ST_SimplifyPreserveTopology(c.geom, 0.00002)), 7)::json
        FROM candidates c
        WHERE c.layer_code = r.layer_code AND c.name = r.name) AS geometry
FROM ranked r
ORDER BY r.kind = 'district' DESC, r.name = $5 DESC, r.name ILIKE ($5 || '%') DESC,
         similarity(r.name, $5) DESC, length(r.name), r.sort_order, r.name
