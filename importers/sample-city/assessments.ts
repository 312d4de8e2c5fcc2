// Regional assessment areas (区域评估): development zones whose assessments were done once for the whole
// area, so projects inside may reuse them (seed 5.3).
import type { CityPlan } from './city-plan';
import { intersect, type Shape } from './clip';
import { blob, polygonArea, type Point } from './plane';
import type { Random } from './random';

export const ASSESSMENT_TYPES = [
  '压覆重要矿产资源评估',
  '环境影响评价',
  '节能评价',
  '地质灾害危险性评估',
  '地震安全性评价',
  '水资源论证',
  '水土保持方案',
  '文物考古调查',
  '洪水影响评价',
] as const;

const AREAS: { name: string; centre: Point; radius: [number, number] }[] = [
  { name: '乌鲁木齐经济技术开发区（头屯河）', centre: [-15000, 3000], radius: [2600, 2200] },
  { name: '乌鲁木齐高新技术产业开发区（新市区）北区', centre: [-500, 9500], radius: [2400, 1600] },
  { name: '米东化工工业园', centre: [13500, 15200], radius: [2200, 1800] },
  { name: '会展片区', centre: [5200, 2500], radius: [1500, 1300] },
  { name: '乌鲁木齐国际陆港区', centre: [-5200, 8800], radius: [1800, 1500] },
];

export interface AssessmentArea {
  shape: Shape;
  properties: Record<string, string | number | string[]>;
}

export function assessmentAreas(plan: CityPlan, random: Random): AssessmentArea[] {
  return AREAS.map((a, i) => {
    const shape = intersect(
      [
        [
          blob(
            a.centre,
            a.radius[0],
            a.radius[1],
            { amplitude: 0.1, phases: [random.range(0, 6), random.range(0, 6)] },
            48,
          ),
        ],
      ],
      plan.devBoundary,
    );
    const covered = ASSESSMENT_TYPES.filter(() => random.chance(0.6));
    const year = 2020 + random.int(0, 4);
    return {
      shape,
      properties: {
        code: `QYPG-${String(i + 1).padStart(2, '0')}`,
        name: `${a.name}区域评估`,
        assessments: covered.length > 0 ? covered : [ASSESSMENT_TYPES[1]],
        completed_on: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        valid_until: `${year + 5}-12-31`,
        approved_by: '乌鲁木齐市人民政府',
        document_no: `乌政函〔${year}〕${random.int(10, 180)}号`,
        area_m2: Math.round(shape.reduce((s, rings) => s + polygonArea(rings), 0) * 100) / 100,
      },
    };
  });
}
