// The skeleton of the sample city: its boundary, the urban development boundary, the river and lakes,
// and the road grid that blocks and parcels are cut from. Everything else is laid out against it.
import { difference, union, type Shape } from './clip';
import { blob, corridor, type Point, type Ring } from './plane';
import type { Random } from './random';

export interface RoadGrid {
  /** rotation of the grid against north, radians */
  angle: number;
  /** positions of road centre lines along the grid's u (east-ish) and v (north-ish) axes, metres */
  uLines: number[];
  vLines: number[];
  /** road width at each line, metres */
  uWidths: number[];
  vWidths: number[];
}

export interface CityPlan {
  boundary: Ring;
  devBoundary: Shape;
  river: Point[];
  riverCorridor: Ring;
  lakes: { name: string; ring: Ring }[];
  buildable: Shape;
  grid: RoadGrid;
}

function wobble(random: Random, amplitude: number) {
  return { amplitude, phases: [random.range(0, 6.3), random.range(0, 6.3), random.range(0, 6.3)] };
}

function roadLines(random: Random, from: number, to: number): { lines: number[]; widths: number[] } {
  const lines: number[] = [];
  const widths: number[] = [];
  let index = 0;
  for (let at = from; at <= to; at += random.range(340, 520)) {
    lines.push(at);
    widths.push(index % 4 === 0 ? 50 : index % 2 === 0 ? 32 : 20); // arterial, secondary, branch roads
    index++;
  }
  return { lines, widths };
}

export function layOutCity(random: Random): CityPlan {
  const boundary = blob([0, 2000], 30000, 34000, wobble(random, 0.12), 128);
  const devBoundary = union(
    [[blob([0, 1000], 7500, 11000, wobble(random, 0.1), 96)]],
    [[blob([13000, 15000], 3200, 2600, wobble(random, 0.12), 48)]],
    [[blob([-15000, 3000], 3500, 3000, wobble(random, 0.12), 48)]],
  );
  const river: Point[] = [];
  for (let y = -36000; y <= 38000; y += 500) {
    river.push([-2000 + 1100 * Math.sin(y / 4700) + 400 * Math.sin(y / 1300 + 1), y]);
  }
  const riverCorridor = corridor(river, 75);
  const lakes = [
    { name: '红雁池水库', ring: blob([3600, -8600], 900, 650, wobble(random, 0.15), 40) },
    { name: '乌拉泊水库', ring: blob([-600, -17500], 1500, 1100, wobble(random, 0.15), 40) },
    { name: '鲤鱼山湖', ring: blob([-4200, 4200], 260, 200, wobble(random, 0.1), 24) },
  ];
  const water = union([[riverCorridor]], ...lakes.map((lake) => [[lake.ring]]));
  const buildable = difference(devBoundary, water);
  const u = roadLines(random, -17000, 17000);
  const v = roadLines(random, -15000, 19000);
  return {
    boundary,
    devBoundary,
    river,
    riverCorridor,
    lakes,
    buildable,
    grid: {
      angle: (8 * Math.PI) / 180,
      uLines: u.lines,
      uWidths: u.widths,
      vLines: v.lines,
      vWidths: v.widths,
    },
  };
}
