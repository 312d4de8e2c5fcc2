// Writes a layer and a new version of its features in one transaction: the features are copied into a
// staging table, turned into EPSG:4490 geometries, and only then does the layer's current version move.
// A failure anywhere rolls everything back, so the previous version keeps serving.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Geometry } from 'geojson';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LayerKind } from '../kinds';
import type { AttributeDefinition } from './layer-catalog';

export interface LayerDefinition {
  code: string;
  name: string;
  kind: LayerKind;
  geometryType: string;
  description?: string;
  attributeSchema: AttributeDefinition[];
  style: unknown;
  districtCode?: string | null;
  source?: string | null;
  sortOrder: number;
}

export interface FeatureInput {
  key?: string;
  properties: Record<string, unknown>;
  /** GeoJSON geometry in EPSG:4490 (longitude, latitude) */
  geometry: Geometry;
}

export interface WrittenVersion {
  layerId: number;
  versionId: string;
  versionNo: number;
  featureCount: number;
}

export interface WriteOptions {
  sourceName?: string;
  note?: string;
  createdBy?: number | null;
  onProgress?: (written: number) => void;
}

/** Creates the layer or updates its metadata; returns its id. */
export async function upsertLayer(client: PoolClient, layer: LayerDefinition): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO layers (code, name, kind, geometry_type, description, attribute_schema, style, district_code, source, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (code) DO UPDATE SET
       name = EXCLUDED.name, kind = EXCLUDED.kind, geometry_type = EXCLUDED.geometry_type,
       description = EXCLUDED.description, attribute_schema = EXCLUDED.attribute_schema, style = EXCLUDED.style,
       district_code = EXCLUDED.district_code, source = EXCLUDED.source, sort_order = EXCLUDED.sort_order,
       updated_at = now(), deleted_at = NULL
     RETURNING id`,
    [
      layer.code,
      layer.name,
      layer.kind,
      layer.geometryType,
      layer.description ?? '',
      JSON.stringify(layer.attributeSchema),
      layer.style === undefined ? null : JSON.stringify(layer.style),
      layer.districtCode ?? null,
      layer.source ?? null,
      layer.sortOrder,
    ],
  );
  return (rows[0] as { id: number }).id;
}

/** COPY text format: backslash, tab, newline and carriage return must be escaped. */
function copyField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function* copyRows(
  features: Iterable<FeatureInput>,
  onProgress?: (n: number) => void,
): AsyncGenerator<string> {
  let n = 0;
  for (const feature of features) {
    const key = feature.key === undefined ? '\\N' : copyField(feature.key);
    yield `${n}\t${key}\t${copyField(JSON.stringify(feature.properties))}\t${copyField(JSON.stringify(feature.geometry))}\n`;
    n++;
    if (onProgress && n % 5000 === 0) onProgress(n);
  }
  onProgress?.(n);
}

/** Starts a version row for the layer inside the caller's transaction. */
export async function beginVersion(
  client: PoolClient,
  layerId: number,
  options: WriteOptions,
): Promise<{ versionId: string; versionNo: number }> {
  await client.query('SELECT id FROM layers WHERE id = $1 FOR UPDATE', [layerId]);
  const { rows } = await client.query<{ id: string; version_no: number }>(
    `INSERT INTO layer_versions (layer_id, version_no, source_name, note, created_by)
     SELECT $1, coalesce(max(version_no), 0) + 1, $2, $3, $4 FROM layer_versions WHERE layer_id = $1
     RETURNING id, version_no`,
    [layerId, options.sourceName ?? null, options.note ?? null, options.createdBy ?? null],
  );
  const row = rows[0] as { id: string; version_no: number };
  return { versionId: row.id, versionNo: row.version_no };
}

/** Makes the version the layer's current one, with its feature count and extent. */
export async function publishVersion(
  client: PoolClient,
  layerId: number,
  versionId: string,
  featureCount: number,
): Promise<void> {
  await client.query(
    `UPDATE layer_versions SET feature_count = $2, published_at = now(),
       extent = (SELECT ST_Envelope(ST_Extent(geom))::geometry(Polygon, 4490) FROM layer_features WHERE layer_version_id = $1)
     WHERE id = $1`,
    [versionId, featureCount],
  );
  await client.query('UPDATE layers SET current_version_id = $2, updated_at = now() WHERE id = $1', [
    layerId,
    versionId,
  ]);
}

export async function writeLayerVersion(
  client: PoolClient,
  layer: LayerDefinition,
  features: Iterable<FeatureInput>,
  options: WriteOptions = {},
): Promise<WrittenVersion> {
  await client.query('BEGIN');
  try {
    const layerId = await upsertLayer(client, layer);
    const { versionId, versionNo } = await beginVersion(client, layerId, options);
    await client.query(
      'CREATE TEMP TABLE staging_features (ordinal int, feature_key text, properties jsonb, geojson text) ON COMMIT DROP',
    );
    await pipeline(
      Readable.from(copyRows(features, options.onProgress)),
      client.query(copyFrom('COPY staging_features (ordinal, feature_key, properties, geojson) FROM STDIN')),
    );
    const multi = layer.geometryType.startsWith('Multi');
    const { rowCount } = await client.query(
      `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
       SELECT $1, feature_key, properties,
              CASE WHEN $2 THEN ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4490))
                   ELSE ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4490) END
       FROM staging_features ORDER BY ordinal`,
      [versionId, multi],
    );
    await publishVersion(client, layerId, versionId, rowCount ?? 0);
    await client.query('COMMIT');
    return { layerId, versionId, versionNo, featureCount: rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
