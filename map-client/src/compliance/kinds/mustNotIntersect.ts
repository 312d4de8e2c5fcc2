// must_not_intersect: the site may not overlap the layer's features (ecological red line, permanent basic
// farmland); fails when the overlap exceeds the tolerance.
import type { MustNotIntersectRule } from '../ruleSet';
import { listed, overlapOf } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function mustNotIntersect(rule: MustNotIntersectRule, context: PreviewContext): PreviewOutcome {
  const overlap = overlapOf(context.featuresOf(rule.layers, rule.filter), context);
  return {
    passed: overlap.areaM2 <= rule.params.toleranceM2,
    areaM2: overlap.areaM2,
    ratio: overlap.areaM2 / context.siteAreaM2,
    distanceM: null,
    features: listed(overlap.parts),
    conflict: overlap.conflict,
    details: {},
  };
}
