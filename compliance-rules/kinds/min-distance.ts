// min_distance: the site must keep the given distance (on the ellipsoid) from the layer's features, e.g. 30 m
// from a river's blue line; reports the nearest distance and the part of the site that is too close.
import type { Queryable } from '../../layers';
import type { RuleOf } from '../rule-sets/rule-set-schema';
import { runKindQuery, type KindRow } from './kind-query';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';

export async function minDistance(
  db: Queryable,
  rule: RuleOf<'min_distance'>,
  context: EvaluationContext,
): Promise<RuleOutcome> {
  const row = await runKindQuery<KindRow & { distance_m: number | null }>(db, 'distance', rule, context, [
    rule.params.distanceM,
  ]);
  return {
    passed: row.features.length === 0,
    areaM2: row.area_m2,
    ratio: row.area_m2 / context.site.areaM2,
    distanceM: row.distance_m,
    features: row.features,
    conflictEwkb: row.conflict_ewkb,
    conflictGeometry: row.conflict_geojson,
    details: { requiredDistanceM: rule.params.distanceM },
  };
}
