// Computes the cross-plan conflicts of the whole city in PostGIS and writes them as a new version of the
// `planning_conflicts` layer, in one transaction: set-based, one statement per pair into a temporary table
// of parts, one statement splitting them by district into the version, ellipsoidal areas. The layer row is
// locked before the source versions are read, so concurrent computations run one after the other and the
// last one reads the newest sources. On any error nothing is written and the previous version stays current.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { beginVersion, findLayerRecord, publishVersion, upsertLayer } from '../../layers';
import { CONFLICT_LAYER_CODE, conflictLayerDefinition } from './conflict-layer';
import { resolveSourceVersions, type SourceVersion } from './pair-set-layers';
import type { ConflictPairSet, ConflictSide } from './pair-set-schema';

export type ConflictPhase = '读取来源图层' | '计算冲突' | '按行政区切分' | '入库';

export interface ComputeOptions {
  createdBy?: number | null;
  note?: string;
  onProgress?: (phase: ConflictPhase, done: number, total: number | null) => void;
  /** aborting it stops the computation before the next statement and rolls it back */
  signal?: AbortSignal;
}

export interface ConflictComputation {
  layer: string;
  versionId: string;
  versionNo: number;
  featureCount: number;
  sources: SourceVersion[];
  pairSet: { code: string; name: string; digest: string };
  elapsedMs: number;
}

const sql = (name: string) => readFileSync(path.join(__dirname, `${name}.sql`), 'utf8');
const SQL = {
  inside: sql('parts-inside'),
  outside: sql('parts-outside'),
  pieces: sql('write-pieces'),
};

/** SHA-256 of the pair set's JSON with keys sorted: names the exact pairs a version was computed by. */
export function pairSetDigest(set: ConflictPairSet): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(set)))
    .digest('hex');
}

function sideParameters(side: ConflictSide): [string, string | null, string[]] {
  const filter: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(side.filter ?? {}))
    filter[key] = Array.isArray(value) ? value : [value];
  return [JSON.stringify(filter), side.landUse?.attribute ?? null, side.landUse?.classes ?? []];
}

/** Creates the layer, or refreshes its schema, style and description, keeping what an admin changed. */
async function conflictLayerId(client: PoolClient, set: ConflictPairSet): Promise<number> {
  const definition = conflictLayerDefinition(set);
  const existing = await findLayerRecord(client, CONFLICT_LAYER_CODE);
  if (!existing) return upsertLayer(client, definition);
  await client.query(
    `UPDATE layers SET attribute_schema = $2, style = $3, description = $4, updated_at = now() WHERE id = $1`,
    [
      existing.id,
      JSON.stringify(definition.attributeSchema),
      JSON.stringify(definition.style),
      definition.description,
    ],
  );
  return existing.id;
}

export async function computePlanningConflicts(
  pool: Pool,
  set: ConflictPairSet,
  options: ComputeOptions = {},
): Promise<ConflictComputation> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const digest = pairSetDigest(set);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    progress('读取来源图层', 0, null);
    const layerId = await conflictLayerId(client, set);
    const { versionId, versionNo } = await beginVersion(client, layerId, {
      sourceName: `${set.code} 多规冲突比对`,
      note: options.note ?? set.name,
      createdBy: options.createdBy ?? null,
    });
    // read after the layer row is locked: a computation waiting for another one sees its sources' newest versions
    const sources = await resolveSourceVersions(client, set);
    const versionOf = (code: string) => sources.get(code)!.versionId;
    await client.query(
      `CREATE TEMP TABLE conflict_parts (
         pair_index int NOT NULL, left_id bigint NOT NULL, left_key text, right_id bigint, right_key text,
         part geometry NOT NULL
       ) ON COMMIT DROP`,
    );
    const parts: Record<string, number> = {};
    for (const [index, pair] of set.pairs.entries()) {
      options.signal?.throwIfAborted();
      progress('计算冲突', index, set.pairs.length);
      const { rowCount } = await client.query(pair.kind === 'inside' ? SQL.inside : SQL.outside, [
        index,
        versionOf(pair.left.layer),
        versionOf(pair.right.layer),
        ...sideParameters(pair.left),
        ...sideParameters(pair.right),
      ]);
      parts[pair.id] = rowCount ?? 0;
    }
    options.signal?.throwIfAborted();
    progress('按行政区切分', set.pairs.length, set.pairs.length);
    const types = new Map(set.conflictTypes.map((t) => [t.code, t.title]));
    const pairs = set.pairs.map((pair, index) => ({
      index,
      id: pair.id,
      title: pair.title,
      conflictType: pair.conflictType,
      typeTitle: types.get(pair.conflictType),
      leftLayer: pair.left.layer,
      leftVersionId: versionOf(pair.left.layer),
      rightLayer: pair.right.layer,
      rightVersionId: versionOf(pair.right.layer),
      minAreaM2: pair.minAreaM2 ?? set.minAreaM2,
    }));
    const written = await client.query(SQL.pieces, [
      versionId,
      versionOf(set.districts.layer),
      set.districts.codeAttribute,
      set.districts.nameAttribute,
      JSON.stringify(pairs),
    ]);
    const featureCount = written.rowCount ?? 0;
    options.signal?.throwIfAborted();
    progress('入库', 0, featureCount);
    const sourceList = [...sources.values()].sort((a, b) => a.layer.localeCompare(b.layer));
    await client.query(
      `INSERT INTO planning_conflict_sources (conflict_version_id, source_version_id)
       SELECT $1, unnest($2::bigint[])`,
      [versionId, sourceList.map((s) => s.versionId)],
    );
    const pairSet = { code: set.code, name: set.name, digest };
    const report = {
      source: {
        fileName: `${set.code} 多规冲突比对`,
        format: '多规冲突比对',
        crs: { code: 'EPSG:4490', how: 'declared', note: '由来源图层在PostGIS中计算' },
        encoding: null,
      },
      counts: { read: featureCount, loaded: featureCount, repaired: 0, rejected: 0, warnings: 0 },
      issues: [],
      errorsByCode: {},
      truncated: false,
      omittedIssues: 0,
      conflicts: {
        pairSet,
        conflictTypes: set.conflictTypes,
        pairs: set.pairs.map((p) => ({
          id: p.id,
          title: p.title,
          kind: p.kind,
          conflictType: p.conflictType,
          parts: parts[p.id] ?? 0,
        })),
        sources: sourceList,
      },
    };
    await publishVersion(client, layerId, versionId, featureCount, report, {
      publishedBy: options.createdBy ?? null,
    });
    await client.query('COMMIT');
    progress('入库', featureCount, featureCount);
    return {
      layer: CONFLICT_LAYER_CODE,
      versionId,
      versionNo,
      featureCount,
      sources: sourceList,
      pairSet,
      elapsedMs: Date.now() - started,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
