// must_be_within: the site must lie inside the layer's features (e.g. the urban development boundary); the
// result is the part outside, which fails the rule when larger than the tolerance.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { areaOutcome, runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function mustBeWithin(
  db: Queryable,
  rule: RuleOf<'must_be_within'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'outside', rule, context);
  return areaOutcome(row, rule.params.toleranceM2, context, {
    insideAreaM2: context.site.areaM2 - row.area_m2,
  });
}
