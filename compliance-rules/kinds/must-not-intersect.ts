// must_not_intersect: the site may not overlap the layer's features (e.g. the ecological red line, permanent
// basic farmland); fails when the overlap exceeds the tolerance.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function mustNotIntersect(
  db: Queryable,
  rule: RuleOf<'must_not_intersect'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'overlap', rule, context);
  return {
    passed: row.area_m2 <= rule.params.toleranceM2,
    areaM2: row.area_m2,
    ratio: row.area_m2 / context.site.areaM2,
    distanceM: null,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details: {},
  };
}
