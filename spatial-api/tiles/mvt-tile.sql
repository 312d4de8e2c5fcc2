-- One Mapbox Vector Tile of one layer version. $1 layer version id, $2 z, $3 x, $4 y, $5 source-layer name,
-- $6 the attribute names to keep (NULL: all), $7 the smallest tile_feature_size (degrees, migration 013)
-- a feature needs to be kept (NULL: keep all). The tile envelope is built in EPSG:3857 and matched
-- against the EPSG:4490 GiST index through its transform (with a margin for the tile buffer).
WITH bounds AS (
  SELECT ST_TileEnvelope($2, $3, $4) AS tile, ST_Transform(ST_TileEnvelope($2, $3, $4, margin => 0.015625), 4490) AS search
),
features AS (
  SELECT
    ST_AsMVTGeom(ST_Transform(f.geom, 3857), b.tile, 4096, 64, true) AS geom,
    f.id AS fid,
    CASE WHEN $6::text[] IS NULL THEN f.properties
         ELSE (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(f.properties) WHERE key = ANY ($6::text[]))
    END AS properties
  FROM layer_features f, bounds b
  WHERE f.layer_version_id = $1 AND f.geom && b.search
    AND ($7::float8 IS NULL OR tile_feature_size(f.geom) >= $7::float8)
)
SELECT ST_AsMVT(features.*, $5, 4096, 'geom', 'fid') AS tile FROM features WHERE geom IS NOT NULL
