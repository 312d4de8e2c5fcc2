// Land-use plan parcels (控规地块): road-grid blocks inside the development boundary, cut into parcels that
// tile each block, coded by the 2023 land-use classification with the GB 50137 letter kept beside it.
import { codeEntry } from '../../layers';
import type { CityPlan } from './city-plan';
import { intersect, type Shape } from './clip';
import { districtAt, type District } from './districts';
import {
  bbox,
  centroidOfRing,
  distanceToPolyline,
  pointInPolygons,
  polygonArea,
  rectangle,
  rotate,
  type Point,
  type Ring,
} from './plane';
import type { Random } from './random';
import { SegmentIndex } from './segment-index';

export type Zone = 'centre' | 'industrial' | 'chemical' | 'riverside' | 'residential';

export interface Block {
  id: string;
  /** grid-frame rectangle [u0, v0, u1, v1] */
  uv: [number, number, number, number];
  shape: Shape;
  full: boolean;
  centre: Point;
  district: District;
  zone: Zone;
  primaryUse: string;
}

export interface Parcel {
  shape: Shape;
  centre: Point;
  block: Block;
  properties: Record<string, string | number | null>;
}

type Weights = readonly (readonly [string, number])[];

const ZONE_USES: Record<Zone, Weights> = {
  centre: [
    ['0901', 30],
    ['0902', 25],
    ['0701', 20],
    ['0801', 8],
    ['0803', 6],
    ['1403', 5],
    ['0806', 3],
    ['0903', 3],
  ],
  industrial: [
    ['100101', 25],
    ['100102', 25],
    ['1101', 25],
    ['1208', 5],
    ['1303', 4],
    ['1302', 3],
    ['1402', 8],
    ['0701', 5],
  ],
  chemical: [
    ['100103', 30],
    ['100102', 25],
    ['1102', 10],
    ['1101', 10],
    ['1304', 5],
    ['1402', 15],
    ['0701', 5],
  ],
  riverside: [
    ['1401', 45],
    ['1402', 20],
    ['0701', 20],
    ['0803', 5],
    ['0805', 5],
    ['0903', 5],
  ],
  residential: [
    ['0701', 55],
    ['0702', 7],
    ['0804', 8],
    ['0806', 3],
    ['0901', 8],
    ['1401', 6],
    ['0805', 2],
    ['16', 3],
    ['1303', 1],
    ['1301', 1],
    ['0807', 2],
    ['0802', 2],
    ['0904', 2],
  ],
};

/** Plot ratio, building density %, green ratio %, height limit m, by level-1 class. */
const INTENSITY: Record<string, [[number, number], [number, number], [number, number], [number, number]]> = {
  '07': [
    [1.8, 3.0],
    [22, 30],
    [30, 40],
    [54, 100],
  ],
  '08': [
    [0.8, 1.8],
    [25, 35],
    [35, 40],
    [24, 50],
  ],
  '09': [
    [2.5, 6.0],
    [35, 50],
    [20, 30],
    [60, 150],
  ],
  '10': [
    [0.8, 1.5],
    [40, 55],
    [10, 20],
    [24, 40],
  ],
  '11': [
    [0.6, 1.2],
    [45, 60],
    [10, 15],
    [18, 30],
  ],
  '12': [
    [0.3, 1.0],
    [20, 40],
    [15, 25],
    [15, 30],
  ],
  '13': [
    [0.3, 0.8],
    [20, 35],
    [25, 35],
    [15, 24],
  ],
  '14': [
    [0.0, 0.1],
    [0, 5],
    [65, 80],
    [8, 12],
  ],
  '16': [
    [0.0, 0.0],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
};

function zoneOf(plan: CityPlan, centre: Point): Zone {
  const [x, y] = centre;
  if (Math.hypot(x + 1000, y + 500) < 2400) return 'centre';
  if (distanceToPolyline(centre, plan.river) < 380) return 'riverside';
  if (x > 9000 && y > 11000) return 'chemical';
  if (x < -10000 || y > 8000) return 'industrial';
  return 'residential';
}

/**
 * The ring of a grid rectangle with the corners of its neighbours inserted where they fall on its
 * edges (T-junctions), so neighbouring parcels share every boundary vertex and stay edge-matched after
 * projection to longitude and latitude.
 */
function nodedRing(
  rect: [number, number, number, number],
  onU: Map<number, number[]>,
  onV: Map<number, number[]>,
): Point[] {
  const [u0, v0, u1, v1] = rect;
  const between = (values: number[] | undefined, a: number, b: number) =>
    [...new Set(values)]
      .filter((x) => x > Math.min(a, b) && x < Math.max(a, b))
      .sort((x, y) => (a < b ? x - y : y - x));
  return [
    [u0, v0],
    ...between(onV.get(v0), u0, u1).map((u): Point => [u, v0]),
    [u1, v0],
    ...between(onU.get(u1), v0, v1).map((v): Point => [u1, v]),
    [u1, v1],
    ...between(onV.get(v1), u1, u0).map((u): Point => [u, v1]),
    [u0, v1],
    ...between(onU.get(u0), v1, v0).map((v): Point => [u0, v]),
    [u0, v0],
  ];
}

function cornerIndex(rects: [number, number, number, number][]) {
  const onU = new Map<number, number[]>();
  const onV = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, ...values: number[]) => {
    const list = map.get(key);
    if (list) list.push(...values);
    else map.set(key, [...values]);
  };
  for (const [u0, v0, u1, v1] of rects) {
    add(onU, u0, v0, v1);
    add(onU, u1, v0, v1);
    add(onV, v0, u0, u1);
    add(onV, v1, u0, u1);
  }
  return { onU, onV };
}

function gridToLocal(plan: CityPlan, [u, v]: Point): Point {
  return rotate([u, v], plan.grid.angle);
}

function uvRing(plan: CityPlan, [u0, v0, u1, v1]: [number, number, number, number]): Ring {
  return rectangle(u0, v0, u1, v1).map((p) => gridToLocal(plan, p));
}

const shapeArea = (shape: Shape) => shape.reduce((sum, rings) => sum + polygonArea(rings), 0);

export function layOutBlocks(plan: CityPlan, districts: District[], random: Random): Block[] {
  const { uLines, vLines, uWidths, vWidths } = plan.grid;
  const blocks: Block[] = [];
  const edges = new SegmentIndex(plan.buildable);
  for (let i = 0; i + 1 < uLines.length; i++) {
    for (let j = 0; j + 1 < vLines.length; j++) {
      const uv: [number, number, number, number] = [
        (uLines[i] as number) + (uWidths[i] as number) / 2,
        (vLines[j] as number) + (vWidths[j] as number) / 2,
        (uLines[i + 1] as number) - (uWidths[i + 1] as number) / 2,
        (vLines[j + 1] as number) - (vWidths[j + 1] as number) / 2,
      ];
      const ring = uvRing(plan, uv);
      if (!ring.slice(0, 4).some((corner) => pointInPolygons(corner, plan.devBoundary))) continue;
      const centre = centroidOfRing(ring);
      const crossed = edges.touches(bbox(ring));
      if (!crossed && !edges.contains(centre)) continue;
      const shape = crossed
        ? intersect([[ring]], plan.buildable).filter((rings) => polygonArea(rings) > 2000)
        : [[ring]];
      if (shape.length === 0) continue;
      const rectArea = (uv[2] - uv[0]) * (uv[3] - uv[1]);
      const zone = zoneOf(plan, centre);
      blocks.push({
        id: `${String(i).padStart(2, '0')}${String(j).padStart(2, '0')}`,
        uv,
        shape,
        full: Math.abs(shapeArea(shape) - rectArea) < 1,
        centre,
        district: districtAt(districts, centre),
        zone,
        primaryUse: random.weighted(ZONE_USES[zone]),
      });
    }
  }
  return blocks;
}

/** Cuts a grid rectangle into pieces near `targetArea`, alternating along its longer side. */
function split(
  rect: [number, number, number, number],
  targetArea: number,
  random: Random,
  out: [number, number, number, number][],
): void {
  const [u0, v0, u1, v1] = rect;
  const width = u1 - u0;
  const height = v1 - v0;
  if (width * height < targetArea * random.range(1.2, 1.9) || Math.min(width, height) < 12) {
    out.push(rect);
    return;
  }
  const t = random.range(0.38, 0.62);
  if (width >= height) {
    const cut = u0 + width * t;
    split([u0, v0, cut, v1], targetArea, random, out);
    split([cut, v0, u1, v1], targetArea, random, out);
  } else {
    const cut = v0 + height * t;
    split([u0, v0, u1, cut], targetArea, random, out);
    split([u0, cut, u1, v1], targetArea, random, out);
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function parcelProperties(
  block: Block,
  sequence: number,
  landUseCode: string,
  areaM2: number,
  random: Random,
): Record<string, string | number | null> {
  const entry = codeEntry('land_use_2023', landUseCode);
  if (!entry) throw new Error(`land-use code ${landUseCode} is not in the code list`);
  const [far, density, green, height] = INTENSITY[landUseCode.slice(0, 2)] ?? INTENSITY['16']!;
  return {
    parcel_code: `${block.district.info.abbreviation}-${block.id}-${String(sequence).padStart(3, '0')}`,
    land_use_code: landUseCode,
    land_use_name: entry.name,
    gb50137_code: entry.gb50137 ?? null,
    plot_ratio: round(random.range(far[0], far[1]), 1),
    building_density_pct: Math.round(random.range(density[0], density[1])),
    green_ratio_pct: Math.round(random.range(green[0], green[1])),
    height_limit_m: Math.round(random.range(height[0], height[1]) / 3) * 3,
    planning_unit: `${block.district.info.name}${block.id.slice(0, 2)}控规单元`,
    district_code: block.district.info.code,
    district_name: block.district.info.name,
    area_m2: round(areaM2, 2),
  };
}

export function cutParcels(
  plan: CityPlan,
  blocks: Block[],
  targetAreaM2: number,
  random: Random,
  onBlock?: (done: number, total: number) => void,
): Parcel[] {
  const parcels: Parcel[] = [];
  blocks.forEach((block, index) => {
    const rects: [number, number, number, number][] = [];
    split(block.uv, targetAreaM2, random, rects);
    const { onU, onV } = cornerIndex(rects);
    let sequence = 0;
    for (const rect of rects) {
      const ring = nodedRing(rect, onU, onV).map((p) => gridToLocal(plan, p));
      const shape = block.full
        ? [[ring]]
        : intersect([[ring]], block.shape).filter((rings) => polygonArea(rings) > 30);
      if (shape.length === 0) continue;
      const area = shapeArea(shape);
      const use = random.chance(0.7) ? block.primaryUse : random.weighted(ZONE_USES[block.zone]);
      sequence++;
      parcels.push({
        shape,
        centre: centroidOfRing(ring),
        block,
        properties: parcelProperties(block, sequence, use, area, random),
      });
    }
    onBlock?.(index + 1, blocks.length);
  });
  return parcels;
}
