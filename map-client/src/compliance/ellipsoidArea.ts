// Areas on the CGCS2000 ellipsoid (GRS80), not on a sphere: each ring is measured in the Lambert
// cylindrical equal-area projection of the ellipsoid (x = a·λ, y = a·q(φ)/2 with q the authalic function),
// where plane area equals area on the ellipsoid. Edges are densified along great circles so they follow
// the geodesics PostGIS measures on geography. turf.area uses a sphere of radius 6,371,008.8 m instead,
// which at the city's latitude (43.8°N) reads about 0.2 % low (see map-client/README.md).
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** GRS80, the ellipsoid of CGCS2000 */
export const GRS80 = { a: 6_378_137, f: 1 / 298.257222101 } as const;
const E2 = GRS80.f * (2 - GRS80.f);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;
/** longest edge measured as a straight line in the projection; longer ones are cut along the great circle */
const MAX_EDGE_RAD = 50 / GRS80.a;

/** The authalic function q(φ) of the ellipsoid (Snyder, Map Projections, eq. 3-12). */
export function authalicQ(latRad: number): number {
  const s = Math.sin(latRad);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}

/** Points on the great circle between two lon/lat positions (degrees), the end excluded. */
function densify(from: Position, to: Position): Position[] {
  const [lon1, lat1] = [from[0]! * RAD, from[1]! * RAD];
  const [lon2, lat2] = [to[0]! * RAD, to[1]! * RAD];
  const a = [Math.cos(lat1) * Math.cos(lon1), Math.cos(lat1) * Math.sin(lon1), Math.sin(lat1)];
  const b = [Math.cos(lat2) * Math.cos(lon2), Math.cos(lat2) * Math.sin(lon2), Math.sin(lat2)];
  const dot = Math.min(1, Math.max(-1, a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!));
  const angle = Math.acos(dot);
  // at most 5,000 pieces: the pieces of an edge longer than 250 km stay within parts in 10⁸ of the area
  const steps = Math.min(5000, Math.ceil(angle / MAX_EDGE_RAD));
  const out: Position[] = [from];
  for (let i = 1; i < steps; i++) {
    const t = i / steps;
    const wa = Math.sin((1 - t) * angle) / Math.sin(angle);
    const wb = Math.sin(t * angle) / Math.sin(angle);
    const [x, y, z] = [0, 1, 2].map((k) => wa * a[k]! + wb * b[k]!) as [number, number, number];
    out.push([Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD]);
  }
  return out;
}

/** The area of one ring in m², positive whatever its orientation. */
export function ringAreaM2(ring: Position[]): number {
  if (ring.length < 4) return 0;
  const points: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++)
    for (const point of densify(ring[i]!, ring[i + 1]!)) points.push(point);
  const lon0 = ring[0]![0]!;
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % points.length]!;
    // x = a·Δλ, y = a·q(φ)/2: the shoelace sum of (x₁y₂ − x₂y₁)
    const x1 = (p[0]! - lon0) * RAD;
    const x2 = (q[0]! - lon0) * RAD;
    twice += x1 * authalicQ(q[1]! * RAD) - x2 * authalicQ(p[1]! * RAD);
  }
  return Math.abs((twice * GRS80.a * GRS80.a) / 4);
}

/** The area of a polygon or multipolygon on the ellipsoid in m² (outer rings less their holes). */
export function ellipsoidAreaM2(geometry: Polygon | MultiPolygon | null | undefined): number {
  if (!geometry) return 0;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      total += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  }
  return Math.max(0, total);
}
