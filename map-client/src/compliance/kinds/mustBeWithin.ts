// must_be_within: the site must lie inside the layer's features (urban development boundary); the result is
// the part outside, which fails the rule when larger than the tolerance.
import { ellipsoidAreaM2 } from '../ellipsoidArea';
import { minus, unionAll } from '../polygonOps';
import type { MustBeWithinRule } from '../ruleSet';
import { partsInSite } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function mustBeWithin(rule: MustBeWithinRule, context: PreviewContext): PreviewOutcome {
  const parts = partsInSite(context.featuresOf(rule.layers, rule.filter), context);
  const outside = minus(context.site, unionAll(parts.map((p) => p.part)));
  const areaM2 = ellipsoidAreaM2(outside);
  return {
    passed: areaM2 <= rule.params.toleranceM2,
    areaM2,
    ratio: areaM2 / context.siteAreaM2,
    distanceM: null,
    // the server lists the features the site touches in id order; the preview by key
    features: parts
      .map((p) => ({
        key: p.feature.key,
        layer: p.feature.layer,
        attributes: p.feature.properties,
        areaM2: p.areaM2,
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    conflict: outside,
    details: { insideAreaM2: context.siteAreaM2 - areaM2 },
  };
}
