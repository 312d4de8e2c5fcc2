-- A page of the projects that match, with their current site's ellipsoidal area and (for the map) its
-- geometry, and how many match in all. Every filter is optional (null: not applied).
-- $1 district scope text[] (null: the whole city), $2 district, $3 stage, $4 project type,
-- $5 investment type, $6 construction unit (substring), $7 created from, $8 created before,
-- $9 q (LIKE pattern over name, code and unit), $10..$13 bbox lon/lat, $14 within (GeoJSON, EPSG:4490),
-- $15 near lon, $16 near lat, $17 radius (m), $18 limit, $19 offset, $20 with geometry,
-- $21 q as a LIKE pattern over the pinyin initials of name and unit (null: q is not Latin letters).
-- The ordering comes from an allow-list in list-projects.ts, put in place of the ORDER marker below.
WITH near AS (
  SELECT ST_SetSRID(ST_MakePoint($15::float8, $16::float8), 4490) AS point
),
matched AS (
  SELECT p.*, d.name AS district_name, s.version_no AS site_version, s.geom,
         ST_Area(s.geom::geography) AS site_area_m2,
         CASE WHEN $15::float8 IS NOT NULL AND s.geom IS NOT NULL
              THEN ST_Distance(s.geom::geography, near.point::geography) END AS distance_m
  FROM projects p
  CROSS JOIN near
  LEFT JOIN project_site_versions s ON s.id = p.current_site_version_id
  LEFT JOIN LATERAL (
    SELECT f.properties->>'name' AS name
    FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
    WHERE l.code = 'districts' AND f.feature_key = p.district_code
    LIMIT 1
  ) d ON true
  WHERE ($1::text[] IS NULL OR p.district_code = ANY($1::text[]))
    AND ($2::text IS NULL OR p.district_code = $2)
    AND ($3::text IS NULL OR p.stage = $3)
    AND ($4::text IS NULL OR p.project_type = $4)
    AND ($5::text IS NULL OR p.investment_type = $5)
    AND ($6::text IS NULL OR p.construction_unit LIKE $6)
    AND ($7::timestamptz IS NULL OR p.created_at >= $7)
    AND ($8::timestamptz IS NULL OR p.created_at < $8)
    AND ($9::text IS NULL OR p.name ILIKE $9 OR p.code ILIKE $9 OR p.construction_unit ILIKE $9
         OR ($21::text IS NOT NULL AND (p.name_initials LIKE $21 OR p.unit_initials LIKE $21)))
    AND ($10::float8 IS NULL
         OR (s.geom && ST_MakeEnvelope($10, $11, $12, $13, 4490)
             AND ST_Intersects(s.geom, ST_MakeEnvelope($10, $11, $12, $13, 4490))))
    AND ($14::text IS NULL OR ST_CoveredBy(s.geom, ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($14::text), 4490))))
    AND ($15::float8 IS NULL OR ST_DWithin(s.geom::geography, near.point::geography, $17::float8))
),
page AS (
  SELECT m.*, row_number() OVER (ORDER BY /* ORDER */) AS ordinal
  FROM matched m
  ORDER BY ordinal
  LIMIT $18 OFFSET $19
)
SELECT (SELECT count(*)::int FROM matched) AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'code', code, 'name', name, 'constructionUnit', construction_unit,
         'investmentType', investment_type, 'projectType', project_type,
         'districtCode', district_code, 'districtName', district_name, 'stage', stage,
         'totalInvestmentWanYuan', total_investment_wan_yuan, 'siteVersion', site_version,
         'siteAreaM2', site_area_m2, 'distanceM', distance_m, 'lockVersion', lock_version,
         'createdAt', created_at, 'updatedAt', updated_at,
         'geometry', CASE WHEN $20::boolean THEN ST_AsGeoJSON(geom, 9)::json END
       ) ORDER BY ordinal) FROM page), '[]'::json)
         AS projects
