// within_regional_assessment: the completed regional assessments (区域评估) covering the site, whose results
// the project may reuse while they are valid; passes when valid assessment areas cover the whole site.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

/** share of the site an assessment area must cover for the site to count as inside it (border slivers) */
export const INSIDE_RATIO = 0.999;

export async function withinRegionalAssessment(
  db: Queryable,
  rule: RuleOf<'within_regional_assessment'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery(db, 'overlap', rule, context);
  const areas = row.features.map((f) => {
    const validUntil = typeof f.attributes.valid_until === 'string' ? f.attributes.valid_until : null;
    const listed = f.attributes[rule.params.assessmentsAttribute];
    return {
      code: f.key,
      name: f.attributes.name ?? null,
      areaM2: f.areaM2 ?? 0,
      validUntil,
      valid: validUntil === null || validUntil >= context.checkedOn,
      assessments: Array.isArray(listed)
        ? listed.map(String)
        : typeof listed === 'string'
          ? listed.split(/[、,，;；]/)
          : [],
    };
  });
  const valid = areas.filter((a) => a.valid);
  const validArea = valid.reduce((sum, a) => sum + a.areaM2, 0);
  const ratio = row.area_m2 / context.site.areaM2;
  return {
    passed: valid.length > 0 && validArea / context.site.areaM2 >= INSIDE_RATIO,
    areaM2: row.area_m2,
    ratio,
    distanceM: null,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details: {
      areas,
      reusableAssessments: [...new Set(valid.flatMap((a) => a.assessments))],
    },
  };
}
