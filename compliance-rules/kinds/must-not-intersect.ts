// must_not_intersect: the site may not overlap the layer's features (e.g. the ecological red line, permanent
// basic farmland); fails when the overlap exceeds the tolerance.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { areaOutcome, runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function mustNotIntersect(
  db: Queryable,
  rule: RuleOf<'must_not_intersect'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'overlap', rule, context);
  return areaOutcome(row, rule.params.toleranceM2, context);
}
