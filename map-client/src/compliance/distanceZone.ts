// The zone within a distance of a feature, near the site only: the feature itself when it is a polygon,
// and around each of its edges and corners that come within reach of the site a band (a rectangle along
// the edge) and a disc (a 32-gon), drawn on the local plane of the site (metres on the ellipsoid) and
// brought back to lon/lat. Used for the part of a site too close to a blue line; no general buffer code
// (and none of turf's, which pulls in JSTS) is needed for it.
import type { BBox, Geometry, Position } from 'geojson';
import type { LocalPlane } from './localDistance';
import { boxesOverlap, isPolygonal, unionAll, type Polygonal } from './polygonOps';

const DISC_SIDES = 32;

function segmentsOf(geometry: Geometry): [Position, Position][] {
  const out: [Position, Position][] = [];
  const line = (positions: Position[]) => {
    for (let i = 0; i + 1 < positions.length; i++) out.push([positions[i]!, positions[i + 1]!]);
    if (positions.length === 1) out.push([positions[0]!, positions[0]!]);
  };
  switch (geometry.type) {
    case 'Point':
      line([geometry.coordinates]);
      break;
    case 'MultiPoint':
      geometry.coordinates.forEach((p) => line([p]));
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
      geometry.geometries.forEach((g) => out.push(...segmentsOf(g)));
      break;
  }
  return out;
}

function ring(points: [number, number][], plane: LocalPlane): Position[] {
  const positions = points.map((p) => plane.fromPlane(p));
  return [...positions, positions[0]!];
}

/**
 * The part of the plane within `distanceM` of the feature, restricted to the pieces whose box meets
 * `near` (the site's box grown by the distance); the outer disc polygon lies outside the true circle by at
 * most 0.5 % of the distance (cos(π/32) inscribed, scaled out to keep the area).
 */
export function distanceZone(
  geometry: Geometry,
  distanceM: number,
  near: BBox,
  plane: LocalPlane,
): Polygonal | null {
  const pieces: Polygonal[] = [];
  if (isPolygonal(geometry)) pieces.push(geometry);
  // a regular polygon with the circle's area: r' = r·sqrt(π / (n·sin(π/n)·cos(π/n)))
  const n = DISC_SIDES;
  const r = distanceM * Math.sqrt(Math.PI / (n * Math.sin(Math.PI / n) * Math.cos(Math.PI / n)));
  const seen = new Set<string>();
  for (const [a, b] of segmentsOf(geometry)) {
    const box: BBox = [
      Math.min(a[0]!, b[0]!),
      Math.min(a[1]!, b[1]!),
      Math.max(a[0]!, b[0]!),
      Math.max(a[1]!, b[1]!),
    ];
    if (!boxesOverlap(box, near)) continue;
    const pa = plane.toPlane(a);
    const pb = plane.toPlane(b);
    for (const corner of [pa, pb]) {
      const key = `${corner[0].toFixed(3)},${corner[1].toFixed(3)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const disc: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const angle = (2 * Math.PI * i) / n;
        disc.push([corner[0] + r * Math.cos(angle), corner[1] + r * Math.sin(angle)]);
      }
      pieces.push({ type: 'Polygon', coordinates: [ring(disc, plane)] });
    }
    const length = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
    if (length === 0) continue;
    const [nx, ny] = [(-(pb[1] - pa[1]) / length) * distanceM, ((pb[0] - pa[0]) / length) * distanceM];
    const band: [number, number][] = [
      [pa[0] + nx, pa[1] + ny],
      [pb[0] + nx, pb[1] + ny],
      [pb[0] - nx, pb[1] - ny],
      [pa[0] - nx, pa[1] - ny],
    ];
    // counter-clockwise for GeoJSON outer rings
    const signed = band.reduce((sum, p, i) => {
      const q = band[(i + 1) % band.length]!;
      return sum + (p[0] * q[1] - q[0] * p[1]);
    }, 0);
    pieces.push({ type: 'Polygon', coordinates: [ring(signed < 0 ? band.reverse() : band, plane)] });
  }
  return unionAll(pieces);
}
