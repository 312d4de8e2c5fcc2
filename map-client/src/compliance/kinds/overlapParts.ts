// The part of the site covered by each matching feature, and their union: what must_not_intersect,
// max_overlap_ratio, within_regional_assessment and jurisdiction measure (the server's overlap.sql).
import { ellipsoidAreaM2 } from '../ellipsoidArea';
import { boxesOverlap, intersection, unionAll, type Polygonal } from '../polygonOps';
import type { LayerFeature, PreviewContext, PreviewFeature } from './previewTypes';

export interface OverlapPart {
  feature: LayerFeature;
  part: Polygonal;
  areaM2: number;
}

/** The features' parts inside the site (empty parts dropped). */
export function partsInSite(features: LayerFeature[], context: PreviewContext): OverlapPart[] {
  const parts: OverlapPart[] = [];
  for (const feature of features) {
    if (!boxesOverlap(feature.box, context.siteBox)) continue;
    const part = intersection(context.site, feature.geometry);
    if (!part) continue;
    const areaM2 = ellipsoidAreaM2(part);
    if (areaM2 > 0) parts.push({ feature, part, areaM2 });
  }
  return parts;
}

export interface Overlap {
  parts: OverlapPart[];
  /** the union of the parts: overlapping features do not count twice */
  conflict: Polygonal | null;
  areaM2: number;
}

export function overlapOf(features: LayerFeature[], context: PreviewContext): Overlap {
  const parts = partsInSite(features, context);
  const conflict = unionAll(parts.map((p) => p.part));
  return { parts, conflict, areaM2: ellipsoidAreaM2(conflict) };
}

/** The features as a result lists them, the largest part first (the server's order). */
export function listed(parts: OverlapPart[]): PreviewFeature[] {
  return [...parts]
    .sort((a, b) => b.areaM2 - a.areaM2 || a.feature.key.localeCompare(b.feature.key))
    .map((p) => ({
      key: p.feature.key,
      layer: p.feature.layer,
      attributes: p.feature.properties,
      areaM2: p.areaM2,
    }));
}
