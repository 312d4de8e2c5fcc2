// jurisdiction: the district(s) the site lies in, with the area in each; always passes (it informs).
import type { JurisdictionRule } from '../ruleSet';
import { listed, overlapOf } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function jurisdiction(rule: JurisdictionRule, context: PreviewContext): PreviewOutcome {
  const overlap = overlapOf(context.featuresOf(rule.layers, rule.filter), context);
  const features = listed(overlap.parts);
  return {
    passed: true,
    areaM2: overlap.areaM2,
    ratio: overlap.areaM2 / context.siteAreaM2,
    distanceM: null,
    features,
    conflict: null,
    details: {
      districts: features.map((f) => ({
        code: f.attributes[rule.params.codeAttribute] ?? f.key,
        name: f.attributes[rule.params.nameAttribute] ?? null,
        areaM2: f.areaM2 ?? 0,
      })),
    },
  };
}
