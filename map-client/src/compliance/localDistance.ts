// Distances in metres on the CGCS2000 ellipsoid near a site: positions are put on a plane tangent at the
// site's latitude, scaled by the ellipsoid's radii of curvature there (meridian M, prime vertical N), which
// is exact to a few parts in 10⁵ within a few kilometres: enough for setbacks of tens of metres.
import type { Geometry, Position } from 'geojson';
import { GRS80 } from './ellipsoidArea';

const E2 = GRS80.f * (2 - GRS80.f);
const RAD = Math.PI / 180;

export interface LocalPlane {
  toPlane: (position: Position) => [number, number];
  fromPlane: (point: readonly [number, number]) => Position;
}

export function localPlane(lon0: number, lat0: number): LocalPlane {
  const s = Math.sin(lat0 * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const n = GRS80.a / w;
  const m = (GRS80.a * (1 - E2)) / (w * w * w);
  const kx = n * Math.cos(lat0 * RAD) * RAD;
  const ky = m * RAD;
  return {
    toPlane: (p) => [(p[0]! - lon0) * kx, (p[1]! - lat0) * ky],
    fromPlane: ([x, y]) => [lon0 + x / kx, lat0 + y / ky],
  };
}

/** The segments and points of a geometry (rings and lines as segments, lone points as points). */
function partsOf(geometry: Geometry): { segments: [Position, Position][]; points: Position[] } {
  const segments: [Position, Position][] = [];
  const points: Position[] = [];
  const line = (positions: Position[]) => {
    for (let i = 0; i + 1 < positions.length; i++) segments.push([positions[i]!, positions[i + 1]!]);
    if (positions.length === 1) points.push(positions[0]!);
  };
  switch (geometry.type) {
    case 'Point':
      points.push(geometry.coordinates);
      break;
    case 'MultiPoint':
      points.push(...geometry.coordinates);
      break;
    case 'LineString':
      line(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach(line);
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach(line));
      break;
    case 'GeometryCollection':
      for (const member of geometry.geometries) {
        const inner = partsOf(member);
        segments.push(...inner.segments);
        points.push(...inner.points);
      }
      break;
  }
  return { segments, points };
}

function pointSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * The shortest distance in metres between the boundaries of two geometries that do not overlap (the caller
 * answers 0 for geometries that intersect): every vertex of each against every segment of the other.
 */
export function boundaryDistanceM(a: Geometry, b: Geometry, plane: LocalPlane): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  const project = (segments: [Position, Position][]) =>
    segments.map(([p, q]) => [plane.toPlane(p), plane.toPlane(q)] as const);
  const sa = project(pa.segments);
  const sb = project(pb.segments);
  const va = [...pa.segments.map(([p]) => p), ...pa.points].map(plane.toPlane);
  const vb = [...pb.segments.map(([p]) => p), ...pb.points].map(plane.toPlane);
  let best = Infinity;
  for (const v of va) for (const [p, q] of sb) best = Math.min(best, pointSegment(v, p, q));
  for (const v of vb) for (const [p, q] of sa) best = Math.min(best, pointSegment(v, p, q));
  // lone points against lone points
  for (const v of pa.points.map(plane.toPlane))
    for (const w of pb.points.map(plane.toPlane)) best = Math.min(best, Math.hypot(v[0] - w[0], v[1] - w[1]));
  return best;
}
