// The sample city's conflict pairs, and the conflicts computed from them when the database has none yet:
// the server calls this at start and the test set-up after loading the city (as with the sample rule set).
import type { Pool } from 'pg';
import sample from './sample-city-pairs.json';
import { CONFLICT_LAYER_CODE } from './conflict-layer';
import { computePlanningConflicts, type ConflictComputation } from './compute-conflicts';
import { pairSetLayers } from './pair-set-layers';
import { parseConflictPairSet, type ConflictPairSet } from './pair-set-schema';

export const SAMPLE_CONFLICT_PAIRS: ConflictPairSet = parseConflictPairSet(sample);

/** Whether a new version of `layer` changes what the pair set computes. */
export function readsLayer(set: ConflictPairSet, layer: string): boolean {
  return layer !== CONFLICT_LAYER_CODE && pairSetLayers(set).includes(layer);
}

/**
 * Computes the conflicts unless the layer has a current version; undefined when it has one or the city
 * lacks a layer the pairs read (an empty or foreign database).
 */
export async function ensurePlanningConflicts(
  pool: Pool,
  set: ConflictPairSet = SAMPLE_CONFLICT_PAIRS,
): Promise<ConflictComputation | undefined> {
  const { rows } = await pool.query<{ current: boolean; sources: number }>(
    `SELECT (SELECT current_version_id IS NOT NULL FROM layers WHERE code = $1 AND deleted_at IS NULL) AS current,
            (SELECT count(DISTINCT code)::int FROM layers
             WHERE code = ANY($2::text[]) AND deleted_at IS NULL AND current_version_id IS NOT NULL) AS sources`,
    [CONFLICT_LAYER_CODE, pairSetLayers(set)],
  );
  const row = rows[0]!;
  if (row.current || row.sources !== pairSetLayers(set).length) return undefined;
  return computePlanningConflicts(pool, set, { note: '示例城市初始计算' });
}
