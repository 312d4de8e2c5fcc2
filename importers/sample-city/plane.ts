// Plane geometry in the sample city's local metric frame (metres east/north of the city centre).
// Rings are closed ([first] repeated at the end) and counter-clockwise for outer rings.
import { signedRingArea } from '../geometry/ring-area';

export type Point = [number, number];
export type Ring = Point[];
export type PolygonRings = Ring[];

export function close(points: Point[]): Ring {
  const first = points[0];
  if (!first) return [];
  const last = points[points.length - 1];
  return last && last[0] === first[0] && last[1] === first[1] ? points : [...points, [first[0], first[1]]];
}

/** Plane area of a polygon (outer ring minus holes), m². */
export function polygonArea(rings: PolygonRings): number {
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedRingArea(ring)), 0);
}

export function rectangle(minX: number, minY: number, maxX: number, maxY: number): Ring {
  return [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
    [minX, minY],
  ];
}

export function rotate([x, y]: Point, angleRad: number): Point {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return [x * c - y * s, x * s + y * c];
}

/** A smooth irregular closed shape: an ellipse whose radius wobbles with a few harmonics. */
export function blob(
  center: Point,
  radiusX: number,
  radiusY: number,
  wobble: { amplitude: number; phases: number[] },
  vertices = 64,
): Ring {
  const points: Point[] = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    const factor =
      1 +
      wobble.phases.reduce(
        (sum, phase, k) => sum + (wobble.amplitude / (k + 1)) * Math.sin((k + 2) * t + phase),
        0,
      );
    points.push([center[0] + radiusX * factor * Math.cos(t), center[1] + radiusY * factor * Math.sin(t)]);
  }
  return close(points);
}

/** A polygon around a polyline, `halfWidth` on each side (mitred joints; for gentle curves). */
export function corridor(line: Point[], halfWidth: number): Ring {
  const left: Point[] = [];
  const right: Point[] = [];
  line.forEach((p, i) => {
    const prev = line[Math.max(0, i - 1)] as Point;
    const next = line[Math.min(line.length - 1, i + 1)] as Point;
    const dx = next[0] - prev[0];
    const dy = next[1] - prev[1];
    const length = Math.hypot(dx, dy) || 1;
    const nx = -dy / length;
    const ny = dx / length;
    left.push([p[0] + nx * halfWidth, p[1] + ny * halfWidth]);
    right.push([p[0] - nx * halfWidth, p[1] - ny * halfWidth]);
  });
  return close([...right, ...left.reverse()]);
}

export function pointInRing([x, y]: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygons(point: Point, polygons: PolygonRings[]): boolean {
  return polygons.some(
    (rings) =>
      rings[0] !== undefined &&
      pointInRing(point, rings[0]) &&
      !rings.slice(1).some((hole) => pointInRing(point, hole)),
  );
}

export function distanceToPolyline([x, y]: Point, line: Point[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [x1, y1] = line[i] as Point;
    const [x2, y2] = line[i + 1] as Point;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)));
  }
  return best;
}

export function centroidOfRing(ring: Ring): Point {
  let x = 0;
  let y = 0;
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    x += (ring[i] as Point)[0];
    y += (ring[i] as Point)[1];
  }
  return [x / n, y / n];
}

export function bbox(ring: Ring): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

export function bboxesOverlap(
  a: [number, number, number, number],
  b: [number, number, number, number],
): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
