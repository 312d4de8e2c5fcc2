// The "four urban lines" (城市四线): blue (water), green (parks), purple (historic areas), yellow
// (infrastructure corridors and sites), drawn from the city plan and the land-use parcels.
import type { CityPlan } from './city-plan';
import { intersect, type Shape } from './clip';
import type { Block, Parcel } from './land-use';
import { corridor, polygonArea, type Point } from './plane';
import type { Random } from './random';

export interface LineArea {
  shape: Shape;
  properties: Record<string, string | number>;
}

const area = (shape: Shape) => Math.round(shape.reduce((s, rings) => s + polygonArea(rings), 0) * 100) / 100;

export function blueLines(plan: CityPlan): LineArea[] {
  const lines: LineArea[] = [];
  const sectionLength = 16;
  for (let start = 0, n = 1; start + 1 < plan.river.length; start += sectionLength, n++) {
    const part = plan.river.slice(start, start + sectionLength + 1);
    const shape = intersect([[corridor(part, 75)]], [[plan.boundary]]);
    if (shape.length === 0) continue;
    lines.push({
      shape,
      properties: {
        code: `LX-${String(n).padStart(3, '0')}`,
        name: `乌鲁木齐河（第${n}段）蓝线`,
        water_body: '乌鲁木齐河',
        water_type: '河流',
        area_m2: area(shape),
      },
    });
  }
  plan.lakes.forEach((lake, i) => {
    lines.push({
      shape: [[lake.ring]],
      properties: {
        code: `LX-H${String(i + 1).padStart(2, '0')}`,
        name: `${lake.name}蓝线`,
        water_body: lake.name,
        water_type: '湖库',
        area_m2: area([[lake.ring]]),
      },
    });
  });
  return lines;
}

/** Parks: the blocks planned as park green space, whatever the parcel subdivision (scale) is. */
export function greenLines(blocks: Block[]): LineArea[] {
  return blocks
    .filter((b) => b.primaryUse === '1401')
    .map((block, i) => ({
      shape: block.shape,
      properties: {
        code: `LVX-${String(i + 1).padStart(4, '0')}`,
        name: `${block.district.info.name}${block.id}街区公园绿线`,
        block: block.id,
        area_m2: area(block.shape),
      },
    }));
}

const HISTORIC = [
  '国际大巴扎历史文化街区',
  '南门历史文化街区',
  '红山历史风貌区',
  '八路军驻新疆办事处旧址保护范围',
  '陕西大寺保护范围',
  '鉴湖公园历史地段',
];

export function purpleLines(blocks: Block[], random: Random): LineArea[] {
  const centre = blocks.filter((b) => b.full && Math.hypot(b.centre[0] + 1000, b.centre[1] + 500) < 3500);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(HISTORIC.length, centre.length)) chosen.add(random.int(0, centre.length - 1));
  return [...chosen].map((index, i) => {
    const block = centre[index] as Block;
    return {
      shape: block.shape,
      properties: {
        code: `ZX-${String(i + 1).padStart(3, '0')}`,
        name: HISTORIC[i] as string,
        protection_level: i < 2 ? '自治区级' : '市级',
        area_m2: area(block.shape),
      },
    };
  });
}

export function yellowLines(plan: CityPlan, parcels: Parcel[], random: Random): LineArea[] {
  const lines: LineArea[] = [];
  const corridors: { name: string; points: Point[]; halfWidth: number; voltage: string }[] = [
    {
      name: '750千伏乌北—达坂城输电线路走廊',
      points: [
        [-20000, 20000],
        [-6000, 12500],
        [9000, -4000],
        [16000, -22000],
      ],
      halfWidth: 45,
      voltage: '750kV',
    },
    {
      name: '220千伏头屯河—米东输电线路走廊',
      points: [
        [-17000, 2000],
        [-9000, 9500],
        [4000, 11000],
        [13000, 15000],
      ],
      halfWidth: 20,
      voltage: '220kV',
    },
    {
      name: '西气东输乌鲁木齐支线燃气管廊',
      points: [
        [-26000, -4000],
        [-14000, -1000],
        [-8000, -6000],
        [4000, -12000],
      ],
      halfWidth: 15,
      voltage: '',
    },
  ];
  corridors.forEach((c, i) => {
    const shape = intersect([[corridor(densify(c.points, 400), c.halfWidth)]], [[plan.boundary]]);
    lines.push({
      shape,
      properties: {
        code: `HX-${String(i + 1).padStart(3, '0')}`,
        name: c.name,
        facility_type: c.voltage ? '高压走廊' : '燃气管廊',
        voltage: c.voltage,
        width_m: c.halfWidth * 2,
        area_m2: area(shape),
      },
    });
  });
  const sites = parcels.filter((p) =>
    ['1301', '1302', '1303', '1304'].includes(String(p.properties.land_use_code)),
  );
  for (const parcel of sites.slice(0, 40)) {
    lines.push({
      shape: parcel.shape,
      properties: {
        code: `HX-S${String(lines.length + 1).padStart(3, '0')}`,
        name: `${parcel.properties.district_name}${parcel.properties.land_use_name}设施黄线`.replace(
          '用地设施',
          '设施',
        ),
        facility_type: String(parcel.properties.land_use_name).replace('用地', '设施'),
        voltage: parcel.properties.land_use_code === '1303' ? random.pick(['110kV', '220kV']) : '',
        width_m: 0,
        area_m2: Number(parcel.properties.area_m2),
      },
    });
  }
  return lines;
}

function densify(points: Point[], step: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [x1, y1] = points[i] as Point;
    const [x2, y2] = points[i + 1] as Point;
    const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / step));
    for (let k = 0; k < n; k++) out.push([x1 + ((x2 - x1) * k) / n, y1 + ((y2 - y1) * k) / n]);
  }
  out.push(points[points.length - 1] as Point);
  return out;
}
