// within_regional_assessment: the regional assessments (区域评估) covering the site, reusable while valid;
// passes when valid assessment areas cover the whole site (all but 0.1 %, for border slivers).
import type { WithinRegionalAssessmentRule } from '../ruleSet';
import { listed, overlapOf } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

const INSIDE_RATIO = 0.999;

export function withinRegionalAssessment(
  rule: WithinRegionalAssessmentRule,
  context: PreviewContext,
): PreviewOutcome {
  const overlap = overlapOf(context.featuresOf(rule.layers, rule.filter), context);
  const features = listed(overlap.parts);
  const areas = features.map((f) => {
    const validUntil = typeof f.attributes.valid_until === 'string' ? f.attributes.valid_until : null;
    const named = f.attributes[rule.params.assessmentsAttribute];
    return {
      code: f.key,
      name: f.attributes.name ?? null,
      areaM2: f.areaM2 ?? 0,
      validUntil,
      valid: validUntil === null || validUntil >= context.checkedOn,
      assessments: Array.isArray(named)
        ? named.map(String)
        : typeof named === 'string'
          ? named.split(/[、,，;；]/)
          : [],
    };
  });
  const valid = areas.filter((a) => a.valid);
  const validArea = valid.reduce((sum, a) => sum + a.areaM2, 0);
  return {
    passed: valid.length > 0 && validArea / context.siteAreaM2 >= INSIDE_RATIO,
    areaM2: overlap.areaM2,
    ratio: overlap.areaM2 / context.siteAreaM2,
    distanceM: null,
    features,
    conflict: overlap.conflict,
    details: { areas, reusableAssessments: [...new Set(valid.flatMap((a) => a.assessments))] },
  };
}
