// The steps of writing a new layer version, each inside the caller's transaction: create or update the
// layer, open a version, copy features into a staging table, move them into the version, publish it.
// Until publishVersion runs and the transaction commits, readers keep seeing the previous version.
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
  /** served without a key or session (default: not public) */
  public?: boolean;
}

export interface FeatureInput {
  key?: string;
  properties: Record<string, unknown>;
  /** GeoJSON geometry in EPSG:4490 (longitude, latitude) */
  geometry: Geometry;
}

export interface VersionOptions {
  sourceName?: string;
  note?: string;
  createdBy?: number | null;
}

/** Creates the layer or updates its metadata; returns its id. */
export async function upsertLayer(client: PoolClient, layer: LayerDefinition): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO layers (code, name, kind, geometry_type, description, attribute_schema, style, district_code, source, sort_order, public)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (code) DO UPDATE SET
       name = EXCLUDED.name, kind = EXCLUDED.kind, geometry_type = EXCLUDED.geometry_type,
       description = EXCLUDED.description, attribute_schema = EXCLUDED.attribute_schema, style = EXCLUDED.style,
       district_code = EXCLUDED.district_code, source = EXCLUDED.source, sort_order = EXCLUDED.sort_order,
       public = EXCLUDED.public,
       updated_at = now(), deleted_at = NULL
     RETURNING id`,
    [
      layer.code,
      layer.name,
      layer.kind,
      layer.geometryType,
      layer.description ?? '',
      JSON.stringify(layer.attributeSchema),
      layer.style === undefined || layer.style === null ? null : JSON.stringify(layer.style),
      layer.districtCode ?? null,
      layer.source ?? null,
      layer.sortOrder,
      layer.public ?? false,
    ],
  );
  return (rows[0] as { id: number }).id;
}

/** Opens a new version of the layer (locking the layer row until the transaction ends). */
export async function beginVersion(
  client: PoolClient,
  layerId: number,
  options: VersionOptions,
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

/** COPY text format: backslash, tab, newline and carriage return must be escaped. */
function copyField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function* copyRows(
  features: Iterable<FeatureInput> | AsyncIterable<FeatureInput>,
  onProgress?: (n: number) => void,
): AsyncGenerator<string> {
  let n = 0;
  for await (const feature of features) {
    n++;
    const key = feature.key === undefined ? '\\N' : copyField(feature.key);
    yield `${n}\t${key}\t${copyField(JSON.stringify(feature.properties))}\t${copyField(JSON.stringify(feature.geometry))}\n`;
    if (onProgress && n % 2000 === 0) onProgress(n);
  }
  onProgress?.(n);
}

/**
 * Copies features into the temporary table `staging_features` (ordinal from 1, key, properties,
 * GeoJSON text, and a geometry column the validation fills). Returns the number copied.
 */
export async function stageFeatures(
  client: PoolClient,
  features: Iterable<FeatureInput> | AsyncIterable<FeatureInput>,
  onProgress?: (copied: number) => void,
): Promise<number> {
  await client.query(
    `CREATE TEMP TABLE staging_features (
       ordinal int PRIMARY KEY, feature_key text, properties jsonb, geojson text,
       geom geometry(Geometry, 4490), rejected boolean NOT NULL DEFAULT false
     ) ON COMMIT DROP`,
  );
  let copied = 0;
  await pipeline(
    Readable.from(copyRows(features, (n) => ((copied = n), onProgress?.(n)))),
    client.query(copyFrom('COPY staging_features (ordinal, feature_key, properties, geojson) FROM STDIN')),
  );
  return copied;
}

/** Moves the staged, not rejected features into the version; returns how many. */
export async function insertStagedFeatures(
  client: PoolClient,
  versionId: string,
  multi: boolean,
): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
     SELECT $1, feature_key, properties, CASE WHEN $2 THEN ST_Multi(geom) ELSE geom END
     FROM staging_features WHERE NOT rejected ORDER BY ordinal`,
    [versionId, multi],
  );
  return rowCount ?? 0;
}

/** Makes the version the layer's current one, with its count, extent and validation report. */
export async function publishVersion(
  client: PoolClient,
  layerId: number,
  versionId: string,
  featureCount: number,
  report: unknown = {},
  options: { action?: 'import' | 'rollback'; publishedBy?: number | null } = {},
): Promise<void> {
  await client.query(
    `UPDATE layer_versions SET feature_count = $2, published_at = now(), validation_report = $3,
       extent = coalesce(extent,
         (SELECT ST_Envelope(ST_Extent(geom))::geometry(Polygon, 4490) FROM layer_features WHERE layer_version_id = $1))
     WHERE id = $1`,
    [versionId, featureCount, JSON.stringify(report)],
  );
  await movePointer(client, layerId, versionId, options.action ?? 'import', options.publishedBy ?? null);
}

/** Points the layer at one of its versions and records the move in layer_publications. */
export async function movePointer(
  client: PoolClient,
  layerId: number,
  versionId: string,
  action: 'import' | 'rollback',
  publishedBy: number | null,
): Promise<void> {
  await client.query('UPDATE layers SET current_version_id = $2, updated_at = now() WHERE id = $1', [
    layerId,
    versionId,
  ]);
  await client.query(
    'INSERT INTO layer_publications (layer_id, layer_version_id, action, published_by) VALUES ($1, $2, $3, $4)',
    [layerId, versionId, action, publishedBy],
  );
}
