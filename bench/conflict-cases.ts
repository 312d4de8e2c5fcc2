// Cross-plan conflicts benchmark: the whole city at --scale 100 (500,000+ parcels, 200,000 farmland strips)
// computed into a new version of planning_conflicts (ours, target under 60 s), against the same pair SQL run
// by hand on one connection (the parts of every pair, then their split by district into a scratch version
// that is rolled back), so the ratio is what the catalog's bookkeeping costs. Runs alternate.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, type Pool } from 'pg';
import { computePlanningConflicts, SAMPLE_CONFLICT_PAIRS, type ConflictPairSet } from '../compliance-rules';
import type { BenchRow } from './import-cases';
import { ensureCity } from './ows-setup';
import { summarise } from './timing';

const RUNS = 3;
const SQL_DIR = path.resolve(__dirname, '../compliance-rules/conflicts');
const sql = (name: string) => readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8');

function side(s: ConflictPairSet['pairs'][number]['left']): [string, string | null, string[]] {
  const filter: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(s.filter ?? {}))
    filter[key] = Array.isArray(value) ? value : [value];
  return [JSON.stringify(filter), s.landUse?.attribute ?? null, s.landUse?.classes ?? []];
}

/** The pair SQL by hand: parts, then pieces into a scratch version; rolled back. Returns the pieces written. */
async function byHand(client: Client, set: ConflictPairSet): Promise<number> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ code: string; version_id: string }>(
      'SELECT code, current_version_id AS version_id FROM layers WHERE code = ANY($1::text[])',
      [[set.districts.layer, ...set.pairs.flatMap((p) => [p.left.layer, p.right.layer])]],
    );
    const version = new Map(rows.map((r) => [r.code, r.version_id]));
    const scratch = await client.query<{ id: string }>(
      `INSERT INTO layer_versions (layer_id, version_no)
       SELECT id, 1000000 FROM layers WHERE code = 'planning_conflicts' RETURNING id`,
    );
    await client.query(
      `CREATE TEMP TABLE conflict_parts (pair_index int NOT NULL, left_id bigint NOT NULL, left_key text,
         right_id bigint, right_key text, part geometry NOT NULL) ON COMMIT DROP`,
    );
    for (const [index, pair] of set.pairs.entries())
      await client.query(sql(pair.kind === 'inside' ? 'parts-inside' : 'parts-outside'), [
        index,
        version.get(pair.left.layer),
        version.get(pair.right.layer),
        ...side(pair.left),
        ...side(pair.right),
      ]);
    const pairs = set.pairs.map((p, index) => ({
      index,
      id: p.id,
      title: p.title,
      conflictType: p.conflictType,
      typeTitle: p.conflictType,
      leftLayer: p.left.layer,
      leftVersionId: version.get(p.left.layer),
      rightLayer: p.right.layer,
      rightVersionId: version.get(p.right.layer),
      minAreaM2: p.minAreaM2 ?? set.minAreaM2,
    }));
    const written = await client.query(sql('write-pieces'), [
      scratch.rows[0]!.id,
      version.get(set.districts.layer),
      set.districts.codeAttribute,
      set.districts.nameAttribute,
      JSON.stringify(pairs),
    ]);
    return written.rowCount ?? 0;
  } finally {
    await client.query('ROLLBACK');
  }
}

export async function wholeCityConflicts(pool: Pool, databaseUrl: string, work: string): Promise<BenchRow> {
  const parcels = await ensureCity(pool, databaseUrl, path.dirname(work));
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
     WHERE l.code = 'permanent_basic_farmland'`,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const ours: number[] = [];
  const peer: number[] = [];
  let conflicts = 0;
  let pieces = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const side of order) {
        const started = process.hrtime.bigint();
        if (side === 'ours')
          conflicts = (await computePlanningConflicts(pool, SAMPLE_CONFLICT_PAIRS, { note: 'benchmark' }))
            .featureCount;
        else pieces = await byHand(client, SAMPLE_CONFLICT_PAIRS);
        (side === 'ours' ? ours : peer).push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
  } finally {
    await client.end();
  }
  const o = summarise(ours);
  const p = summarise(peer);
  return {
    name: `planning conflicts, whole city (${parcels} parcels, ${rows[0]?.n} farmland strips, ${SAMPLE_CONFLICT_PAIRS.pairs.length} pairs)`,
    ours: `${(o.medianMs / 1000).toFixed(1)} s (max ${(Math.max(...ours) / 1000).toFixed(1)})`,
    peer: `pair SQL by hand ${(p.medianMs / 1000).toFixed(1)} s (max ${(Math.max(...peer) / 1000).toFixed(1)})`,
    ratio: o.medianMs / p.medianMs,
    note: `median of ${RUNS}; ${conflicts} conflict features written (${pieces} by hand); target < 60 s: ${o.medianMs < 60_000 ? 'met' : 'NOT met'}`,
  };
}
