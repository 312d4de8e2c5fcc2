// A rule set may only name layers the catalog has: each unknown one is refused with the JSON path naming it.
import type { Queryable } from '../../layers';
import { invalid } from '../compliance-error';
import type { RuleSet } from './rule-set-schema';

export async function requireKnownLayers(db: Queryable, set: RuleSet): Promise<void> {
  const named: { path: string; code: string }[] = [
    { path: 'cityBoundaryLayer', code: set.cityBoundaryLayer },
  ];
  set.rules.forEach((rule, i) =>
    rule.layers.forEach((code, j) => named.push({ path: `rules[${i}].layers[${j}]`, code })),
  );
  const { rows } = await db.query<{ code: string }>(
    'SELECT code FROM layers WHERE code = ANY($1::text[]) AND deleted_at IS NULL AND current_version_id IS NOT NULL',
    [named.map((n) => n.code)],
  );
  const known = new Set(rows.map((r) => r.code));
  const unknown = named.filter((n) => !known.has(n.code));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    throw invalid(
      `图层不存在：${first.path} = "${first.code}" / unknown layer ${first.code} at ${first.path}`,
      {
        path: first.path,
        issues: unknown.map((u) => ({ path: u.path, message: `unknown layer ${u.code}` })),
      },
    );
  }
}
