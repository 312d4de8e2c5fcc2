// Fills the pinyin initials of the projects that lack them: rows from before migration 023 and rows a loader
// wrote without the record store (the sample city). Run when the database is prepared, after the sample city
// is loaded; the record store writes them itself for every project it creates or changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../layers';
import { pinyinInitials } from './pinyin-initials';

const MISSING = readFileSync(path.join(__dirname, 'queries', 'missing-initials.sql'), 'utf8');
const FILL = readFileSync(path.join(__dirname, 'queries', 'fill-initials.sql'), 'utf8');

/** Computes and stores the missing initials; answers how many projects got them. */
export async function fillProjectInitials(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ id: number; name: string; construction_unit: string }>(MISSING);
  if (rows.length === 0) return 0;
  const result = await db.query(FILL, [
    rows.map((r) => r.id),
    rows.map((r) => pinyinInitials(r.name)),
    rows.map((r) => pinyinInitials(r.construction_unit)),
  ]);
  return result.rowCount ?? 0;
}
