// max_overlap_ratio: at most the given share of the site may lie on the layer's features.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function maxOverlapRatio(
  db: Queryable,
  rule: RuleOf<'max_overlap_ratio'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'overlap', rule, context);
  const ratio = row.area_m2 / context.site.areaM2;
  return {
    passed: ratio <= rule.params.maxRatio,
    areaM2: row.area_m2,
    ratio,
    distanceM: null,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details: { maxRatio: rule.params.maxRatio },
  };
}
