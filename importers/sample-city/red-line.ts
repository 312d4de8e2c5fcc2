// Ecological protection red line (生态保护红线): water-conservation areas on the Tianshan slopes in the south,
// the river's upstream corridor, sand-fixation belts in the northern desert. Never inside the development boundary.
import type { CityPlan } from './city-plan';
import { difference, intersect, type Shape } from './clip';
import { blob, corridor, polygonArea, type Point } from './plane';
import type { Random } from './random';

export interface RedLineArea {
  shape: Shape;
  properties: Record<string, string | number>;
}

const FUNCTIONS = {
  mountain: ['水源涵养', '生物多样性维护', '水土保持'],
  river: ['水源涵养'],
  desert: ['防风固沙'],
} as const;

interface Seed {
  centre: Point;
  radius: number;
  setting: keyof typeof FUNCTIONS;
}

function seeds(random: Random): Seed[] {
  const placed: Seed[] = [];
  const tryPlace = (
    setting: Seed['setting'],
    count: number,
    area: [number, number, number, number],
    radius: [number, number],
  ) => {
    for (let attempt = 0, made = 0; made < count && attempt < count * 40; attempt++) {
      const seed: Seed = {
        centre: [random.range(area[0], area[2]), random.range(area[1], area[3])],
        radius: random.range(radius[0], radius[1]),
        setting,
      };
      if (
        placed.every(
          (s) =>
            Math.hypot(s.centre[0] - seed.centre[0], s.centre[1] - seed.centre[1]) >
            (s.radius + seed.radius) * 1.05,
        )
      ) {
        placed.push(seed);
        made++;
      }
    }
  };
  tryPlace('mountain', 44, [-28000, -33000, 28000, -13000], [1000, 3200]);
  tryPlace('desert', 10, [-22000, 26000, 24000, 34000], [900, 2200]);
  return placed;
}

export function drawRedLines(plan: CityPlan, random: Random): RedLineArea[] {
  const areas: RedLineArea[] = [];
  const keepOut = plan.devBoundary;
  const add = (shape: Shape, setting: Seed['setting'], name: string) => {
    const kept = difference(intersect(shape, [[plan.boundary]]), keepOut).filter(
      (rings) => polygonArea(rings) > 20000,
    );
    if (kept.length === 0) return;
    const areaM2 = kept.reduce((sum, rings) => sum + polygonArea(rings), 0);
    areas.push({
      shape: kept,
      properties: {
        code: `STHX-6501-${String(areas.length + 1).padStart(3, '0')}`,
        name,
        function_type: random.pick(FUNCTIONS[setting]),
        area_m2: Math.round(areaM2 * 100) / 100,
        approved_by: '自治区人民政府',
        approved_on: '2023-06-30',
      },
    });
  };
  for (const seed of seeds(random)) {
    const shape = [
      [
        blob(
          seed.centre,
          seed.radius,
          seed.radius * random.range(0.6, 1.1),
          { amplitude: 0.18, phases: [random.range(0, 6), random.range(0, 6), random.range(0, 6)] },
          40,
        ),
      ],
    ];
    const label = seed.setting === 'mountain' ? '天山北坡' : '准噶尔盆地南缘';
    add(shape, seed.setting, `${label}${FUNCTIONS[seed.setting][0]}生态保护红线区`);
  }
  // The river upstream of the city, in sections, minus what the mountain areas already cover.
  const upstream = plan.river.filter(([, y]) => y < -12000);
  const sections = 6;
  const perSection = Math.ceil(upstream.length / sections);
  for (let s = 0; s < sections; s++) {
    const part = upstream.slice(s * perSection, (s + 1) * perSection + 1);
    if (part.length < 2) continue;
    const covered = areas.map((a) => a.shape).flat();
    add(
      difference([[corridor(part, 300)]], covered),
      'river',
      `乌鲁木齐河上游水源涵养生态保护红线区（第${s + 1}段）`,
    );
  }
  return areas;
}
