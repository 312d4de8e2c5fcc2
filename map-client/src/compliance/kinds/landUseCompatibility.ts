// land_use_compatibility: the project type against the planned land-use class (用地用海分类 2023) of every
// parcel under the site, by the rule's matrix (a code or any of its parents); fails when incompatible land
// exceeds the tolerance. Without a project type it lists the classes only and counts no conflict.
import { ellipsoidAreaM2 } from '../ellipsoidArea';
import { unionAll } from '../polygonOps';
import type { LandUseCompatibilityRule } from '../ruleSet';
import { listed, partsInSite } from './overlapParts';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function landUseCompatibility(
  rule: LandUseCompatibilityRule,
  context: PreviewContext,
): PreviewOutcome {
  const compatibleCodes =
    context.projectType === null ? null : (rule.params.matrix[context.projectType] ?? []);
  const parts = partsInSite(context.featuresOf(rule.layers, rule.filter), context).map((p) => {
    const raw = p.feature.properties[rule.params.codeAttribute];
    const code = raw === undefined || raw === null ? null : String(raw);
    const compatible =
      compatibleCodes === null ||
      (code !== null && compatibleCodes.some((prefix) => code.startsWith(prefix)));
    return { ...p, code, compatible };
  });
  const wrong = parts.filter((p) => !p.compatible);
  const conflict = unionAll(wrong.map((p) => p.part));
  const areaM2 = ellipsoidAreaM2(conflict);
  const classes = new Map<string | null, { code: string | null; areaM2: number; compatible: boolean }>();
  for (const p of parts) {
    const entry = classes.get(p.code) ?? { code: p.code, areaM2: 0, compatible: true };
    entry.areaM2 += p.areaM2;
    entry.compatible &&= p.compatible;
    classes.set(p.code, entry);
  }
  const coveredM2 = ellipsoidAreaM2(unionAll(parts.map((p) => p.part)));
  return {
    passed: areaM2 <= rule.params.toleranceM2,
    areaM2,
    ratio: areaM2 / context.siteAreaM2,
    distanceM: null,
    features: listed(wrong),
    conflict,
    details: {
      projectType: context.projectType,
      compatibleCodes,
      classes: [...classes.values()]
        .sort((a, b) => b.areaM2 - a.areaM2)
        .map((c) => ({ ...c, compatible: compatibleCodes === null ? null : c.compatible })),
      unplannedAreaM2: Math.max(0, context.siteAreaM2 - coveredM2),
    },
  };
}
