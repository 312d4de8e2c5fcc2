// The city master plan of 2011—2020 (城市总体规划用地布局), approved before the territorial-space plan drew the
// development boundary, the red line and basic farmland. Its construction land reaches past today's
// boundary in places, a logistics park and an industrial extension lie on farmland tracts and a resort on
// the Tianshan slopes reaches into the red line: the cross-plan conflicts (多规冲突) the platform must find.
// Drawn with its own random stream, so the other layers stay as they were.
import { codeEntry } from '../../layers';
import type { CityPlan } from './city-plan';
import { difference, intersect, union, type Shape } from './clip';
import { districtAt, type District } from './districts';
import type { FarmlandParcel } from './farmland';
import { blob, centroidOfRing, polygonArea, type Point, type Ring } from './plane';
import type { Random } from './random';
import type { RedLineArea } from './red-line';

export interface MasterPlanZone {
  shape: Shape;
  properties: Record<string, string | number | null>;
}

interface Area {
  name: string;
  centre: Point;
  radii: [number, number];
  sectors: number;
  uses: readonly (readonly [string, number])[];
}

/** The planned urban areas, a little larger than today's development boundary parts. */
const URBAN_AREAS: Area[] = [
  {
    name: '中心城区',
    centre: [0, 1000],
    radii: [8200, 11800],
    sectors: 10,
    uses: [
      ['0701', 40],
      ['0901', 20],
      ['0801', 10],
      ['1101', 10],
      ['100101', 10],
      ['1208', 5],
      ['16', 5],
    ],
  },
  {
    name: '米东片区',
    centre: [13000, 15000],
    radii: [3700, 3000],
    sectors: 4,
    uses: [
      ['100102', 40],
      ['100103', 20],
      ['1101', 20],
      ['0701', 20],
    ],
  },
  {
    name: '头屯河片区',
    centre: [-15000, 3000],
    radii: [4000, 3500],
    sectors: 4,
    uses: [
      ['100101', 40],
      ['1101', 20],
      ['0701', 30],
      ['0901', 10],
    ],
  },
];

/** A wedge from `centre` between two angles, far larger than any area it cuts. */
function wedge(centre: Point, from: number, to: number, reach: number): Ring {
  const points: Point[] = [centre];
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const t = from + ((to - from) * i) / steps;
    points.push([centre[0] + reach * Math.cos(t), centre[1] + reach * Math.sin(t)]);
  }
  points.push(centre);
  return points;
}

function nearestVertex(rings: Ring[], target: Point): Point {
  let best: Point = rings[0]![0]!;
  for (const ring of rings)
    for (const p of ring)
      if (
        Math.hypot(p[0] - target[0], p[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1])
      )
        best = p;
  return best;
}

const areaOf = (shape: Shape) => shape.reduce((sum, rings) => sum + polygonArea(rings), 0);

/**
 * The overlay leaves repeated vertices where cuts meet (a ring closing three times over); they would
 * coincide once rounded to longitude and latitude, so vertices within a centimetre of the one before go.
 */
function withoutRepeatedVertices(shape: Shape): Shape {
  return shape
    .map((rings) =>
      rings
        .map((ring) => {
          const kept = ring
            .slice(0, -1)
            .filter(
              (p, i, all) => i === 0 || Math.hypot(p[0] - all[i - 1]![0], p[1] - all[i - 1]![1]) > 0.01,
            );
          while (
            kept.length > 1 &&
            Math.hypot(kept[0]![0] - kept.at(-1)![0], kept[0]![1] - kept.at(-1)![1]) <= 0.01
          )
            kept.pop();
          return [...kept, kept[0]!];
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((rings) => rings.length > 0);
}

function zone(
  number: number,
  shape: Shape,
  landUseCode: string,
  name: string,
  districts: District[],
): MasterPlanZone {
  const entry = codeEntry('land_use_2023', landUseCode);
  if (!entry) throw new Error(`land-use code ${landUseCode} is not in the code list`);
  const largest = shape.reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
  const district = districtAt(districts, centroidOfRing(largest[0]!));
  return {
    shape,
    properties: {
      plan_code: `ZTGH-${String(number).padStart(3, '0')}`,
      zone_name: name,
      land_use_code: landUseCode,
      land_use_name: entry.name,
      gb50137_code: entry.gb50137 ?? null,
      planned_period: '2011—2020',
      district_code: district.info.code,
      district_name: district.info.name,
      area_m2: Math.round(areaOf(shape) * 100) / 100,
    },
  };
}

export function masterPlanZones(
  plan: CityPlan,
  districts: District[],
  redLines: RedLineArea[],
  farmland: FarmlandParcel[],
  random: Random,
): MasterPlanZone[] {
  const water: Shape = union([[plan.riverCorridor]], ...plan.lakes.map((lake) => [[lake.ring]]));
  const city: Shape = [[plan.boundary]];
  const zones: MasterPlanZone[] = [];
  let taken: Shape = [];
  const add = (shape: Shape, code: string, name: string) => {
    const kept = withoutRepeatedVertices(difference(intersect(shape, city), water, taken)).filter(
      (rings) => polygonArea(rings) > 20000,
    );
    if (kept.length === 0) return;
    taken = union(taken, kept);
    zones.push(zone(zones.length + 1, kept, code, name, districts));
  };

  for (const area of URBAN_AREAS) {
    const phases = [random.range(0, 6.3), random.range(0, 6.3), random.range(0, 6.3)];
    const outline: Shape = [
      [blob(area.centre, area.radii[0], area.radii[1], { amplitude: 0.12, phases }, 96)],
    ];
    const start = random.range(0, Math.PI);
    for (let s = 0; s < area.sectors; s++) {
      const from = start + (2 * Math.PI * s) / area.sectors;
      const to = start + (2 * Math.PI * (s + 1)) / area.sectors;
      const cut = intersect(outline, [[wedge(area.centre, from, to, 4 * Math.max(...area.radii))]]);
      add(cut, random.weighted(area.uses), `${area.name}第${s + 1}片区`);
    }
  }

  // Development zones the old plan put on what is now basic farmland
  const fieldNear = (target: Point) =>
    nearestVertex(
      farmland.map((f) => f.shape[0]![0]!),
      target,
    );
  const parks: { target: Point; radii: [number, number]; code: string; name: string }[] = [
    { target: [-9000, 15000], radii: [900, 650], code: '1101', name: '北部物流园区' },
    { target: [-22000, 1000], radii: [800, 700], code: '100101', name: '西部工业园扩区' },
  ];
  for (const park of parks) {
    const at = fieldNear(park.target);
    const phases = [random.range(0, 6.3), random.range(0, 6.3)];
    add([[blob(at, park.radii[0], park.radii[1], { amplitude: 0.1, phases }, 40)]], park.code, park.name);
  }

  // A resort on the slopes south of the city, reaching into the nearest mountain red-line area
  const mountain = redLines
    .filter((r) => r.properties.function_type !== '防风固沙')
    .map((r) => ({ r, c: centroidOfRing(r.shape[0]![0]!) }))
    .reduce((a, b) => (Math.hypot(b.c[0], b.c[1] + 12000) < Math.hypot(a.c[0], a.c[1] + 12000) ? b : a));
  const edge = nearestVertex(
    mountain.r.shape.map((rings) => rings[0]!),
    [0, -8000],
  );
  const phases = [random.range(0, 6.3), random.range(0, 6.3)];
  add([[blob(edge, 700, 500, { amplitude: 0.1, phases }, 40)]], '0901', '南山旅游度假区');
  return zones;
}
