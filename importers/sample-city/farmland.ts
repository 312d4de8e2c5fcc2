// Permanent basic farmland (永久基本农田): irrigated fields on the northern and western plains, outside the
// development boundary, the red line and the water, in a grid of fields along farm roads.
import type { CityPlan } from './city-plan';
import { bbox, polygonArea, pointInRing, rectangle, rotate, type Point, type Ring } from './plane';
import { SegmentIndex } from './segment-index';
import type { District } from './districts';
import { districtAt } from './districts';
import type { RedLineArea } from './red-line';
import type { Random } from './random';
import type { Shape } from './clip';

export interface FarmlandParcel {
  shape: Shape;
  properties: Record<string, string | number>;
}

const PLAINS: [number, number, number, number][] = [
  [-24000, 11000, 26000, 27000], // northern plain
  [-28000, -9000, -19000, 11000], // western plain
];
const ANGLE = (-5 * Math.PI) / 180;
const TARGET_COUNT = 2000;

function fields(random: Random): Ring[] {
  const rings: Ring[] = [];
  for (const [minX, minY, maxX, maxY] of PLAINS) {
    for (let u = minX; u < maxX;) {
      const width = random.range(180, 260);
      for (let v = minY; v < maxY;) {
        const height = random.range(300, 420);
        rings.push(rectangle(u, v, u + width, v + height).map((p) => rotate(p, ANGLE)));
        v += height + 12; // farm road
      }
      u += width + 12;
    }
  }
  return rings;
}

export function layOutFarmland(
  plan: CityPlan,
  districts: District[],
  redLines: RedLineArea[],
  scale: number,
  random: Random,
): FarmlandParcel[] {
  const obstacles = new SegmentIndex([
    ...plan.devBoundary,
    ...redLines.flatMap((r) => r.shape),
    [plan.riverCorridor],
  ]);
  const candidates = fields(random).filter(
    (ring) =>
      ring.slice(0, 4).every((p) => pointInRing(p, plan.boundary)) &&
      !obstacles.touches(bbox(ring)) &&
      !obstacles.contains(ring[0] as Point),
  );
  // Keep TARGET_COUNT fields in contiguous tracts (ranked by a smooth field of a few kilometres'
  // wavelength); the gaps between tracts are villages, orchards and fallow land.
  const phases = [random.range(0, 6.3), random.range(0, 6.3), random.range(0, 6.3), random.range(0, 6.3)];
  const tract = ([x, y]: Point) =>
    Math.sin(x / 2300 + phases[0]!) +
    Math.sin(y / 1900 + phases[1]!) +
    0.6 * Math.sin((x + y) / 1300 + phases[2]!) +
    0.4 * Math.sin((x - y) / 900 + phases[3]!);
  const keep = new Set(
    candidates
      .map((ring, i) => ({ i, key: -tract(ring[0] as Point) + random.range(0, 0.4) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, TARGET_COUNT)
      .map((c) => c.i),
  );
  const parcels: FarmlandParcel[] = [];
  candidates.forEach((ring, i) => {
    if (!keep.has(i)) return;
    const centre: Point = [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
    const district = districtAt(districts, centre);
    const grade = random.weighted([
      [7, 5],
      [8, 10],
      [9, 20],
      [10, 25],
      [11, 20],
      [12, 12],
      [13, 8],
    ] as const);
    const landClass = random.weighted([
      ['水浇地', 85],
      ['旱地', 10],
      ['水田', 5],
    ] as const);
    // At --scale N a field is cut into N strips, as irrigated land is worked in narrow strips.
    for (let s = 0; s < scale; s++) {
      const strip = scale === 1 ? ring : stripOf(ring, s, scale);
      const areaM2 = polygonArea([strip]);
      parcels.push({
        shape: [[strip]],
        properties: {
          farmland_code: `JBNT-${district.info.code}-${String(parcels.length + 1).padStart(6, '0')}`,
          quality_grade: grade,
          land_class: landClass,
          area_m2: Math.round(areaM2 * 100) / 100,
          area_mu: Math.round((areaM2 / (10000 / 15)) * 100) / 100,
          township: random.pick(district.info.townships),
          district_code: district.info.code,
          protection_responsible: `${random.pick(district.info.townships)}${random.int(1, 12)}村村民委员会`,
        },
      });
    }
  });
  return parcels;
}

/** The s-th of n equal strips of a rectangle ring (corners 0..3), cut across its first side. */
function stripOf(ring: Ring, s: number, n: number): Ring {
  const [a, b, c, d] = ring as [Point, Point, Point, Point];
  const lerp = (p: Point, q: Point, t: number): Point => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
  const t0 = s / n;
  const t1 = (s + 1) / n;
  const p0 = lerp(a, b, t0);
  const p1 = lerp(a, b, t1);
  const p2 = lerp(d, c, t1);
  const p3 = lerp(d, c, t0);
  return [p0, p1, p2, p3, p0];
}
