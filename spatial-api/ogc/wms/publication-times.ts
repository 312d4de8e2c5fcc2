// The publication instants of every layer (see publication-times.sql), for the TIME dimension.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

const PUBLICATION_TIMES = readFileSync(path.join(__dirname, 'publication-times.sql'), 'utf8');

export async function publicationTimes(pool: Pool): Promise<Map<string, Date[]>> {
  const { rows } = await pool.query<{ code: string; times: Date[] }>(PUBLICATION_TIMES);
  return new Map(rows.map((r) => [r.code, r.times]));
}
