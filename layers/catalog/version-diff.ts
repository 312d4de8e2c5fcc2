// Diff between two versions of a layer: features added, removed and changed, with counts and areas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from './queryable';

const VERSION_DIFF = readFileSync(path.join(__dirname, 'version-diff.sql'), 'utf8');

export interface VersionDiff {
  added: { count: number; areaM2: number };
  removed: { count: number; areaM2: number };
  changed: { count: number; areaM2: number };
  unchanged: { count: number };
}

export async function diffVersions(
  db: Queryable,
  fromVersionId: string,
  toVersionId: string,
): Promise<VersionDiff> {
  const { rows } = await db.query<{ change: string; n: string; area_m2: number }>(VERSION_DIFF, [
    fromVersionId,
    toVersionId,
  ]);
  const get = (change: string) => {
    const row = rows.find((r) => r.change === change);
    return { count: Number(row?.n ?? 0), areaM2: Math.round((row?.area_m2 ?? 0) * 100) / 100 };
  };
  return {
    added: get('added'),
    removed: get('removed'),
    changed: get('changed'),
    unchanged: { count: get('unchanged').count },
  };
}
