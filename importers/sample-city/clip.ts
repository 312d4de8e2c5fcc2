// Polygon overlay (intersection, difference, union) in the local plane, through turf's polygon clipping.
// turf treats coordinates as plane numbers here, which is what the metric local frame needs.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PolygonRings } from './plane';

/** A shape as a list of polygons, each a list of rings (a MultiPolygon's coordinates). */
export type Shape = PolygonRings[];

function toFeature(shape: Shape): Feature<MultiPolygon> {
  return turf.multiPolygon(shape);
}

function fromFeature(feature: Feature<Polygon | MultiPolygon> | null): Shape {
  if (!feature) return [];
  const geometry = feature.geometry;
  return geometry.type === 'Polygon'
    ? [geometry.coordinates as PolygonRings]
    : (geometry.coordinates as Shape);
}

export function intersect(a: Shape, b: Shape): Shape {
  if (a.length === 0 || b.length === 0) return [];
  return fromFeature(turf.intersect(turf.featureCollection([toFeature(a), toFeature(b)])));
}

export function difference(a: Shape, ...others: Shape[]): Shape {
  const rest = others.filter((s) => s.length > 0);
  if (a.length === 0 || rest.length === 0) return a;
  return fromFeature(turf.difference(turf.featureCollection([toFeature(a), ...rest.map(toFeature)])));
}

export function union(...shapes: Shape[]): Shape {
  const present = shapes.filter((s) => s.length > 0);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0] as Shape;
  return fromFeature(turf.union(turf.featureCollection(present.map(toFeature))));
}
