// The sample city's rule set, stored as its first version when the database has none of that code. The
// server calls this at start (after the sample city is loaded) and the test set-up after loading the city;
// the sample-city loader in importers cannot, as importers may not depend on compliance-rules.
import type { Pool } from 'pg';
import sample from './sample-city.json';
import { saveRuleSet } from './rule-set-store';

export const SAMPLE_RULE_SET = sample;

/** Stores the sample rule set unless it exists; false when it was there or the city lacks its layers. */
export async function ensureSampleRuleSet(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query('SELECT 1 FROM rule_sets WHERE code = $1', [sample.code]);
  if (rows.length > 0) return false;
  const layers = [sample.cityBoundaryLayer, ...sample.rules.flatMap((r) => r.layers)];
  const found = await pool.query<{ n: number }>(
    'SELECT count(DISTINCT code)::int AS n FROM layers WHERE code = ANY($1::text[]) AND deleted_at IS NULL',
    [layers],
  );
  if (found.rows[0]?.n !== new Set(layers).size) return false;
  await saveRuleSet(pool, sample.code, sample, null);
  return true;
}
