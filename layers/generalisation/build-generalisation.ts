// Builds the generalisation of a layer version (generalise-band.sql, one statement per band) in one
// transaction: a crash or a stop leaves none rather than part of one. A band that would hold more than
// half as many groups as the version has features gains little and is left out. Several server
// processes may ask at once: one builds, the others find it taken and return.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { GENERALISED_BANDS } from './scale-bands';

const GENERALISE_BAND = readFileSync(path.join(__dirname, 'generalise-band.sql'), 'utf8');

/** Cells of this many pixels of a band: a 256-pixel map reads a few cells' worth beyond its frame at most. */
const CELL_PX = 64;
/** More combinations of style values than this, and grouping would not pay (a style on a unique attribute). */
export const MAX_GENERALISED_VALUE_SETS = 512;
/** The advisory-lock class of generalisation builds (the other int is the version id). */
const LOCK_CLASS = 74_201;

export interface GeneralisationSummary {
  versionId: string;
  propertyNames: string[];
  bands: number[];
  featureCount: number;
  groupCount: number;
  buildMs: number;
}

export type BuildOutcome =
  | { built: true; summary: GeneralisationSummary }
  | { built: false; reason: 'exists' | 'busy' | 'too_many_values' | 'no_gain' };

export interface BuildOptions {
  /** the properties the layer's style filters read: each group carries their values */
  propertyNames: string[];
  bands?: readonly number[];
  /** called after each band with its number of groups */
  onBand?: (band: number, groups: number) => void;
  /** stops the build (its statement is cancelled and nothing is kept) */
  signal?: AbortSignal;
}

export async function buildGeneralisation(
  pool: Pool,
  versionId: string,
  options: BuildOptions,
): Promise<BuildOutcome> {
  const started = Date.now();
  options.signal?.throwIfAborted();
  const client = await pool.connect();
  const backend = (client as unknown as { processID: number }).processID;
  const cancel = () => {
    pool.query('SELECT pg_cancel_backend($1)', [backend]).catch(() => undefined);
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    await client.query('BEGIN');
    // a build of a dense version outlasts any request's statement timeout
    await client.query('SET LOCAL statement_timeout = 0');
    const locked = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1, $2::int) AS ok',
      [LOCK_CLASS, versionId],
    );
    if (!locked.rows[0]?.ok) return await rollback(client, 'busy');
    const existing = await client.query('SELECT 1 FROM layer_generalisations WHERE layer_version_id = $1', [
      versionId,
    ]);
    if (existing.rowCount) return await rollback(client, 'exists');
    const counts = await client.query<{ features: number; value_sets: number }>(
      `SELECT count(*)::int AS features,
              count(DISTINCT ARRAY(SELECT f.properties ->> u.name
                                   FROM unnest($2::text[]) WITH ORDINALITY AS u (name, i) ORDER BY u.i))::int AS value_sets
       FROM layer_features f WHERE f.layer_version_id = $1`,
      [versionId, options.propertyNames],
    );
    const { features, value_sets: valueSets } = counts.rows[0]!;
    if (valueSets > MAX_GENERALISED_VALUE_SETS) return await rollback(client, 'too_many_values');
    // the summary row first: the groups reference it
    await client.query(
      `INSERT INTO layer_generalisations (layer_version_id, property_names, bands, feature_count, group_count, build_ms)
       VALUES ($1, $2, '{0}', $3, 0, 0)`,
      [versionId, options.propertyNames, features],
    );
    const bands: number[] = [];
    let groupCount = 0;
    for (const band of options.bands ?? GENERALISED_BANDS) {
      await client.query('SAVEPOINT band');
      const inserted = await client.query(GENERALISE_BAND, [versionId, band, options.propertyNames, CELL_PX]);
      const groups = inserted.rowCount ?? 0;
      if (groups > features / 2) {
        await client.query('ROLLBACK TO SAVEPOINT band');
        continue;
      }
      await client.query('RELEASE SAVEPOINT band');
      bands.push(band);
      groupCount += groups;
      options.onBand?.(band, groups);
    }
    if (bands.length === 0) return await rollback(client, 'no_gain');
    const buildMs = Date.now() - started;
    await client.query(
      'UPDATE layer_generalisations SET bands = $2, group_count = $3, build_ms = $4 WHERE layer_version_id = $1',
      [versionId, bands, groupCount, buildMs],
    );
    await client.query('COMMIT');
    return {
      built: true,
      summary: {
        versionId,
        propertyNames: options.propertyNames,
        bands,
        featureCount: features,
        groupCount,
        buildMs,
      },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    client.release(options.signal?.aborted === true);
  }
}

async function rollback(
  client: { query(text: string): Promise<unknown> },
  reason: 'exists' | 'busy' | 'too_many_values' | 'no_gain',
): Promise<BuildOutcome> {
  await client.query('ROLLBACK');
  return { built: false, reason };
}
