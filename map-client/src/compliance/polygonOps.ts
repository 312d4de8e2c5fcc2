// The polygon operations of the preview, on lon/lat coordinates as the server's PostGIS geometry
// operations are (EPSG:4490 degrees, planar): intersection, union and difference by turf (polyclip),
// with the empty result as null, and the box test that keeps them to the features near the site.
import {
  bbox,
  booleanIntersects,
  difference,
  featureCollection,
  feature,
  intersect,
  union,
} from '@turf/turf';
import type { BBox, Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;

export function isPolygonal(geometry: Geometry | null | undefined): geometry is Polygonal {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

export function boxOf(geometry: Geometry): BBox {
  return bbox(geometry);
}

export function boxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The box grown by `metres` on every side (a degree of latitude ≥ 110.5 km; of longitude by cos φ). */
export function growBox(box: BBox, metres: number): BBox {
  const dLat = metres / 110_500;
  const lat = Math.max(Math.abs(box[1]), Math.abs(box[3]));
  const dLon = metres / (111_320 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat];
}

function polygonalOf(result: Feature<Polygonal> | null): Polygonal | null {
  if (!result) return null;
  const g = result.geometry;
  return g.coordinates.length === 0 ? null : g;
}

/** a ∩ b, polygonal parts only; null when they share no area. */
export function intersection(a: Polygonal, b: Geometry): Polygonal | null {
  if (!isPolygonal(b)) return null;
  return polygonalOf(intersect(featureCollection([feature(a), feature(b)])));
}

/** The union of the geometries, or null when there are none. */
export function unionAll(geometries: Polygonal[]): Polygonal | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0]!;
  return polygonalOf(union(featureCollection(geometries.map((g) => feature(g)))));
}

/** a − b, or null when nothing is left. */
export function minus(a: Polygonal, b: Polygonal | null): Polygonal | null {
  if (!b) return a;
  return polygonalOf(difference(featureCollection([feature(a), feature(b)])));
}

export function touches(a: Geometry, b: Geometry): boolean {
  return booleanIntersects(a, b);
}
