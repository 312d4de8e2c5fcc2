// min_distance: the site must keep the given distance from the layer's features (30 m from a river's blue
// line); reports the nearest distance on the ellipsoid, the features too close, and the part of the site
// within the distance of them.
import type { Geometry } from 'geojson';
import { distanceZone } from '../distanceZone';
import { ellipsoidAreaM2 } from '../ellipsoidArea';
import { boundaryDistanceM } from '../localDistance';
import { boxesOverlap, growBox, intersection, touches, unionAll } from '../polygonOps';
import type { MinDistanceRule } from '../ruleSet';
import type { PreviewContext, PreviewOutcome } from './previewTypes';

export function minDistance(rule: MinDistanceRule, context: PreviewContext): PreviewOutcome {
  const reach = growBox(context.siteBox, rule.params.distanceM * 1.01 + 1);
  let nearest: number | null = null;
  const near: {
    key: string;
    layer: string;
    attributes: Record<string, unknown>;
    distanceM: number;
    geometry: Geometry;
  }[] = [];
  for (const f of context.featuresOf(rule.layers, rule.filter)) {
    const distanceM = touches(context.site, f.geometry)
      ? 0
      : boundaryDistanceM(context.site, f.geometry, context.plane);
    nearest = nearest === null ? distanceM : Math.min(nearest, distanceM);
    if (distanceM <= rule.params.distanceM && boxesOverlap(f.box, reach))
      near.push({ key: f.key, layer: f.layer, attributes: f.properties, distanceM, geometry: f.geometry });
  }
  near.sort((a, b) => a.distanceM - b.distanceM || a.key.localeCompare(b.key));
  const conflict = unionAll(
    near.flatMap((n) => {
      const zone = distanceZone(n.geometry, rule.params.distanceM, reach, context.plane);
      const part = zone ? intersection(context.site, zone) : null;
      return part ? [part] : [];
    }),
  );
  const areaM2 = ellipsoidAreaM2(conflict);
  return {
    passed: near.length === 0,
    areaM2,
    ratio: areaM2 / context.siteAreaM2,
    distanceM: nearest,
    features: near.map(({ geometry: _geometry, ...rest }) => rest),
    conflict,
    details: { requiredDistanceM: rule.params.distanceM },
  };
}
