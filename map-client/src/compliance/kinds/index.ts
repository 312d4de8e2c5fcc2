// The rule kinds of the preview by name, one file each, as on the server (compliance-rules/kinds/).
import type { Rule } from '../ruleSet';
import { jurisdiction } from './jurisdiction';
import { landUseCompatibility } from './landUseCompatibility';
import { maxOverlapRatio } from './maxOverlapRatio';
import { minDistance } from './minDistance';
import { mustBeWithin } from './mustBeWithin';
import { mustNotIntersect } from './mustNotIntersect';
import type { PreviewContext, PreviewOutcome } from './previewTypes';
import { withinRegionalAssessment } from './withinRegionalAssessment';

/** The outcome of one rule, or null for a kind this client does not know (a newer server). */
export function evaluateRule(rule: Rule, context: PreviewContext): PreviewOutcome | null {
  switch (rule.kind) {
    case 'must_not_intersect':
      return mustNotIntersect(rule, context);
    case 'must_be_within':
      return mustBeWithin(rule, context);
    case 'land_use_compatibility':
      return landUseCompatibility(rule, context);
    case 'min_distance':
      return minDistance(rule, context);
    case 'max_overlap_ratio':
      return maxOverlapRatio(rule, context);
    case 'within_regional_assessment':
      return withinRegionalAssessment(rule, context);
    case 'jurisdiction':
      return jurisdiction(rule, context);
    default:
      return null;
  }
}
export type { LayerFeature, PreviewContext, PreviewFeature, PreviewOutcome } from './previewTypes';
