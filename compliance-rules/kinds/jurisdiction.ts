// jurisdiction: the district(s) the site lies in, with the area in each; always passes (it informs).
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function jurisdiction(
  db: Queryable,
  rule: RuleOf<'jurisdiction'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'overlap', rule, context);
  return {
    passed: true,
    areaM2: row.area_m2,
    ratio: row.area_m2 / context.site.areaM2,
    distanceM: null,
    features: row.features,
    conflictEwkb: null,
    conflictGeometry: null,
    details: {
      districts: row.features.map((f) => ({
        code: f.attributes[rule.params.codeAttribute] ?? f.key,
        name: f.attributes[rule.params.nameAttribute] ?? null,
        areaM2: f.areaM2 ?? 0,
      })),
    },
  };
}
