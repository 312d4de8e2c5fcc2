// A pair set may only name layers the catalog has, with a current version: an unknown one is refused with
// the JSON path naming it. Resolves each named layer to its current version, which a computation reads.
import type { Queryable } from '../../layers';
import { invalid } from '../compliance-error';
import { CONFLICT_LAYER_CODE } from './conflict-layer';
import { parseConflictPairSet, type ConflictPairSet } from './pair-set-schema';

export interface SourceVersion {
  layer: string;
  name: string;
  versionId: string;
  version: number;
}

function namedLayers(set: ConflictPairSet): { path: string; code: string }[] {
  const named = [{ path: 'districts.layer', code: set.districts.layer }];
  set.pairs.forEach((pair, i) => {
    named.push({ path: `pairs[${i}].left.layer`, code: pair.left.layer });
    named.push({ path: `pairs[${i}].right.layer`, code: pair.right.layer });
  });
  return named;
}

/** Every layer the pair set reads (the districts and both sides of every pair), once each. */
export function pairSetLayers(set: ConflictPairSet): string[] {
  return [...new Set(namedLayers(set).map((n) => n.code))];
}

/**
 * The current version of every layer the pair set names, by code; `invalid` naming the JSON path of the
 * first layer that is unknown, deleted, without a version, or the conflicts layer itself.
 */
export async function resolveSourceVersions(
  db: Queryable,
  set: ConflictPairSet,
): Promise<Map<string, SourceVersion>> {
  const named = namedLayers(set);
  const { rows } = await db.query<{ code: string; name: string; version_id: string; version_no: number }>(
    `SELECT l.code, l.name, v.id AS version_id, v.version_no
     FROM layers l JOIN layer_versions v ON v.id = l.current_version_id
     WHERE l.code = ANY($1::text[]) AND l.deleted_at IS NULL`,
    [named.map((n) => n.code)],
  );
  const found = new Map(
    rows.map((r) => [
      r.code,
      { layer: r.code, name: r.name, versionId: r.version_id, version: r.version_no },
    ]),
  );
  const unknown = named.filter((n) => n.code === CONFLICT_LAYER_CODE || !found.has(n.code));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    throw invalid(
      `图层不存在或不可比对：${first.path} = "${first.code}" / unknown layer ${first.code} at ${first.path}`,
      {
        path: first.path,
        issues: unknown.map((u) => ({ path: u.path, message: `unknown layer ${u.code}` })),
      },
    );
  }
  return found;
}

/** A pair set as read from a file: its schema, then every layer it names (each refused with its JSON path). */
export async function checkConflictPairSet(db: Queryable, input: unknown): Promise<ConflictPairSet> {
  const set = parseConflictPairSet(input);
  await resolveSourceVersions(db, set);
  return set;
}
