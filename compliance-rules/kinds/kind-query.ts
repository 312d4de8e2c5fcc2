// Runs a rule kind's SQL file: the site travels as EWKB, the layer versions as ids, the attribute filter as
// JSON ({attribute: [values]}); every value is a bound parameter.
import type { Queryable } from '../../layers';
import { readSqlFile } from '../sql-file';
import type { Rule } from '../rule-sets/rule-set-schema';
import type { ConflictFeature, EvaluationContext, RuleOutcome } from './rule-outcome';

export interface KindRow {
  area_m2: number;
  conflict_ewkb: Buffer | null;
  conflict_geojson: Record<string, unknown> | null;
  features: ConflictFeature[];
}

/** A rule's attribute filter as the SQL reads it: {attribute: [values]}. */
export function filterJson(rule: Rule): string {
  const filter: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(rule.filter ?? {}))
    filter[key] = Array.isArray(value) ? value : [value];
  return JSON.stringify(filter);
}

export async function runKindQuery<R extends KindRow>(
  db: Queryable,
  file: 'overlap' | 'outside' | 'land-use' | 'distance',
  rule: Rule,
  context: EvaluationContext,
  extra: unknown[] = [],
): Promise<R> {
  const { rows } = await db.query<R>(readSqlFile(__dirname, file), [
    context.site.ewkb,
    context.versionIdsOf(rule.layers),
    filterJson(rule),
    ...extra,
  ]);
  return rows[0]!;
}

/** The outcome of an area rule: it fails when the area found (overlap, or part outside) exceeds the tolerance. */
export function areaOutcome(
  row: KindRow,
  toleranceM2: number,
  context: EvaluationContext,
  details: Record<string, unknown> = {},
): RuleOutcome {
  return {
    passed: row.area_m2 <= toleranceM2,
    areaM2: row.area_m2,
    ratio: row.area_m2 / context.site.areaM2,
    distanceM: null,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details,
  };
}
