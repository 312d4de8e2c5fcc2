// max_overlap_ratio: at most the given share of the site may lie on the layer's features (green line).
import type { MaxOverlapRatioRule } from '../ruleSet';
import { listed, overlapOf } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function maxOverlapRatio(rule: MaxOverlapRatioRule, context: PreviewContext): PreviewOutcome {
  const overlap = overlapOf(context.featuresOf(rule.layers, rule.filter), context);
  const ratio = overlap.areaM2 / context.siteAreaM2;
  return {
    passed: ratio <= rule.params.maxRatio,
    areaM2: overlap.areaM2,
    ratio,
    distanceM: null,
    features: listed(overlap.parts),
    conflict: overlap.conflict,
    details: { maxRatio: rule.params.maxRatio },
  };
}
