-- Writes the conflict parts into the conflicts layer version $1, split by the districts of version $2
-- (code attribute $3, name attribute $4); what lies outside every district is kept without one. Pieces
-- smaller than their pair's minimum area are drawing noise and left out. $5 is the pairs as JSON:
-- [{index, id, title, conflictType, typeTitle, leftLayer, leftVersionId, rightLayer, rightVersionId, minAreaM2}].
-- Areas are ellipsoidal (geography, on the spheroid). Returns how many features were written.
WITH pairs AS (
  SELECT * FROM jsonb_to_recordset($5::jsonb) AS p(
    "index" int, id text, title text, "conflictType" text, "typeTitle" text, "leftLayer" text,
    "leftVersionId" bigint, "rightLayer" text, "rightVersionId" bigint, "minAreaM2" float8)
),
parts AS (SELECT * FROM conflict_parts WHERE NOT ST_IsEmpty(part)),
districts AS (SELECT geom, properties ->> $3 AS code, properties ->> $4 AS name FROM layer_features WHERE layer_version_id = $2),
city AS (SELECT ST_Union(geom) AS geom FROM districts),
pieces AS (
  SELECT c.*, d.code AS district_code, d.name AS district_name,
         CASE WHEN ST_CoveredBy(c.part, d.geom) THEN c.part
              ELSE ST_CollectionExtract(ST_Intersection(c.part, d.geom), 3) END AS piece
  FROM parts c JOIN districts d ON ST_Intersects(c.part, d.geom)
  UNION ALL
  SELECT c.*, NULL, NULL, ST_CollectionExtract(ST_Difference(c.part, city.geom), 3)
  FROM parts c, city WHERE NOT ST_CoveredBy(c.part, city.geom)
),
measured AS (
  SELECT p.*, ST_Area(piece::geography) AS area_m2 FROM pieces p WHERE NOT ST_IsEmpty(piece)
)
INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
SELECT $1,
       concat_ws('/', pr.id, coalesce(m.left_key, m.left_id::text), coalesce(m.right_key, m.right_id::text, '-'),
                 coalesce(m.district_code, '-')),
       jsonb_build_object(
         'conflict_code', concat_ws('/', pr.id, coalesce(m.left_key, m.left_id::text),
                                    coalesce(m.right_key, m.right_id::text, '-'), coalesce(m.district_code, '-')),
         'conflict_type', pr."conflictType", 'title', pr."typeTitle", 'pair_id', pr.id, 'pair_title', pr.title,
         'left_layer', pr."leftLayer", 'left_feature_id', m.left_id, 'left_feature_key', m.left_key,
         'left_layer_version_id', pr."leftVersionId",
         'right_layer', pr."rightLayer", 'right_feature_id', m.right_id, 'right_feature_key', m.right_key,
         'right_layer_version_id', pr."rightVersionId",
         'district_code', m.district_code, 'district_name', m.district_name,
         'area_m2', m.area_m2, 'area_ha', m.area_m2 / 10000, 'area_mu', m.area_m2 / (10000.0 / 15)),
       ST_Multi(m.piece)
FROM measured m JOIN pairs pr ON pr."index" = m.pair_index
WHERE m.area_m2 >= pr."minAreaM2"
ORDER BY m.pair_index, m.district_code, m.left_id, m.right_id
