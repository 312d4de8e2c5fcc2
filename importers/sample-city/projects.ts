// Thirty engineering-construction projects on real parcels of the sample city, at every stage, with their
// approval records, site history and planning-generation opinions; three are sited where the compliance
// check must object (basic farmland, the red line, across the development boundary).
import { APPROVAL_ITEMS, STAGES, type Stage } from './approval-items';
import type { Shape } from './clip';
import type { FarmlandParcel } from './farmland';
import type { Parcel } from './land-use';
import { CONSTRUCTION_UNITS, DISTRICTS, ROAD_NAMES } from './names';
import { DEPARTMENTS, USERS, type DepartmentCode } from './organisation';
import type { Point } from './plane';
import type { Random } from './random';
import type { RedLineArea } from './red-line';
import { ASSESSMENT_TYPES } from './assessments';
import { districtAt, type District } from './districts';

export interface SampleApproval {
  stage: Stage;
  item: string;
  department: DepartmentCode;
  acceptedAt: string;
  decidedAt: string | null;
  workingDays: number;
  status: 'in_progress' | 'approved' | 'rejected' | 'withdrawn';
  result: string | null;
  documentNo: string | null;
  /** a registration (受理), or a decision or correction superseding an earlier record of the project */
  kind: 'registration' | 'decision' | 'correction';
  /** the index, among the project's approvals, of the record this one supersedes */
  supersedes: number | null;
  note: string;
}

export interface SampleOpinion {
  department: DepartmentCode;
  author: string | null;
  conditions: string;
  requiredAssessments: string[];
  createdAt: string;
}

export interface SamplePlanningTask {
  lead: DepartmentCode;
  title: string;
  deadline: string;
  status: 'open' | 'concluded';
  conclusion: string | null;
  concludedAt: string | null;
  createdAt: string;
  invited: DepartmentCode[];
  opinions: SampleOpinion[];
}

export interface SampleProject {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: 'government' | 'social';
  projectType: string;
  districtCode: string;
  stage: Stage;
  totalInvestmentWanYuan: number;
  sites: { shape: Shape; reason: string; createdBy: string; createdAt: string }[];
  approvals: SampleApproval[];
  planning: SamplePlanningTask | null;
}

interface Template {
  uses: string[];
  investment: 'government' | 'social';
  projectType: string;
  industry: string;
  name: (road: string, district: string) => string;
}

const TEMPLATES: Template[] = [
  {
    uses: ['0804'],
    investment: 'government',
    projectType: '房屋建筑工程',
    industry: '83',
    name: (r, d) => `${d}${r}小学新建工程`,
  },
  {
    uses: ['0806'],
    investment: 'government',
    projectType: '房屋建筑工程',
    industry: '84',
    name: (r, d) => `${d}人民医院${r}院区建设项目`,
  },
  {
    uses: ['0701'],
    investment: 'social',
    projectType: '房屋建筑工程',
    industry: '70',
    name: (r) => `${r}花园住宅小区项目`,
  },
  {
    uses: ['0901', '0902'],
    investment: 'social',
    projectType: '房屋建筑工程',
    industry: '72',
    name: (r) => `${r}商业综合体项目`,
  },
  {
    uses: ['100101', '100102'],
    investment: 'social',
    projectType: '工业项目',
    industry: '38',
    name: (r) => `${r}智能装备制造产业园项目`,
  },
  {
    uses: ['1101'],
    investment: 'social',
    projectType: '工业项目',
    industry: '59',
    name: (r) => `丝路国际物流园${r}仓储中心项目`,
  },
  {
    uses: ['1401'],
    investment: 'government',
    projectType: '市政基础设施工程',
    industry: '78',
    name: (r) => `${r}公园提升改造工程`,
  },
  {
    uses: ['1303'],
    investment: 'government',
    projectType: '市政基础设施工程',
    industry: '44',
    name: (r) => `110千伏${r}输变电工程`,
  },
  {
    uses: ['0805'],
    investment: 'government',
    projectType: '房屋建筑工程',
    industry: '89',
    name: (_r, d) => `${d}全民健身中心建设项目`,
  },
  {
    uses: ['0702'],
    investment: 'government',
    projectType: '房屋建筑工程',
    industry: '81',
    name: (r) => `${r}社区综合服务中心项目`,
  },
];

const STAGE_OF_PROJECT: Stage[] = [
  ...Array<Stage>(10).fill('land_use_planning'),
  ...Array<Stage>(8).fill('construction_planning'),
  ...Array<Stage>(7).fill('construction'),
  ...Array<Stage>(5).fill('completion'),
];

const OPINION_TEXT: Partial<Record<DepartmentCode, { conditions: string; assessments: string[] }>> = {
  natural_resources: {
    conditions:
      '项目选址符合国土空间总体规划和控制性详细规划；容积率不大于{plotRatio}，建筑限高{height}米，绿地率不低于{green}%；不得占用永久基本农田和生态保护红线。',
    assessments: ['地质灾害危险性评估', '压覆重要矿产资源评估'],
  },
  ecology_environment: {
    conditions:
      '项目须依法开展环境影响评价，落实施工期扬尘、噪声防治措施；污水接入市政管网，不得向乌鲁木齐河直接排放。',
    assessments: ['环境影响评价'],
  },
  water: {
    conditions: '项目用水纳入城市供水管网统一供给，须编制水土保持方案；临河建设须退让蓝线不少于30米。',
    assessments: ['水土保持方案', '水资源论证'],
  },
  transport: {
    conditions: '项目出入口须避开城市主干道交叉口，退让道路红线不少于10米，配建停车位按相关标准执行。',
    assessments: [],
  },
  housing_construction: {
    conditions: '项目须按绿色建筑二星级及以上标准设计，装配式建筑比例不低于30%，同步配建人防工程。',
    assessments: ['节能评价'],
  },
  culture_heritage: {
    conditions: '项目地块位于历史城区周边，开工前须开展文物考古调查勘探，发现文物立即停工并报告。',
    assessments: ['文物考古调查'],
  },
  emergency: {
    conditions: '项目须落实安全生产“三同时”要求，消防车道和救援场地按规范设置。',
    assessments: ['地震安全性评价'],
  },
};

function isoDay(base: Date, days: number): Date {
  return new Date(base.getTime() + days * 86_400_000);
}

function at(date: Date, hour: number): string {
  const d = new Date(date);
  d.setUTCHours(hour - 8, 30, 0, 0); // office hours in Asia/Shanghai (UTC+8)
  return d.toISOString();
}

function scaleShape(shape: Shape, factor: number, centre: Point): Shape {
  return shape.map((rings) =>
    rings.map((ring) =>
      ring.map(
        ([x, y]) => [centre[0] + (x - centre[0]) * factor, centre[1] + (y - centre[1]) * factor] as Point,
      ),
    ),
  );
}

function approvalsUpTo(stage: Stage, start: Date, random: Random, serial: number): SampleApproval[] {
  const records: SampleApproval[] = [];
  const stageIndex = STAGES.findIndex((s) => s.code === stage);
  let clock = start;
  STAGES.slice(0, stageIndex + 1).forEach(({ code }, s) => {
    const items = APPROVAL_ITEMS[code];
    items.forEach((item, k) => {
      const accepted = isoDay(clock, random.int(1, 9));
      const current = s === stageIndex && k === items.length - 1;
      // Most items finish within their limit; about one in eight runs past it.
      const takes = Math.round(
        item.workingDays * 1.4 * (random.chance(0.125) ? random.range(1.1, 1.6) : random.range(0.4, 0.95)),
      );
      const decided = current ? null : isoDay(accepted, takes);
      records.push({
        stage: code,
        item: item.item,
        department: item.department,
        acceptedAt: at(accepted, 10),
        decidedAt: decided ? at(decided, 16) : null,
        workingDays: item.workingDays,
        status: decided ? 'approved' : 'in_progress',
        result: decided ? '准予许可' : null,
        documentNo: decided
          ? `乌审字〔${decided.getUTCFullYear()}〕${String(serial * 10 + records.length).padStart(4, '0')}号`
          : null,
        kind: 'registration',
        supersedes: null,
        note: '',
      });
      clock = decided ?? accepted;
    });
  });
  return withHistory(records, serial);
}

/**
 * The history a project's records carry, chosen by its serial (no random draws, so the rest of the city is
 * unchanged): a first application rejected or withdrawn before the one that succeeded, a document number
 * entered wrongly and corrected, a decision recorded on its own after the registration it decides.
 */
function withHistory(records: SampleApproval[], serial: number): SampleApproval[] {
  const out: SampleApproval[] = [];
  const decided = records.filter((r) => r.decidedAt !== null);
  const corrected = serial % 5 === 3 ? decided[0] : undefined;
  const decidedLater = serial % 4 === 2 ? decided[decided.length - 1] : undefined;
  for (const [i, record] of records.entries()) {
    const accepted = new Date(record.acceptedAt);
    if (i === 0 && (serial % 6 === 1 || serial % 6 === 4)) {
      const rejected = serial % 6 === 1;
      const decidedAt = isoDay(accepted, -3);
      out.push({
        ...record,
        acceptedAt: isoDay(accepted, -16).toISOString(),
        decidedAt: decidedAt.toISOString(),
        status: rejected ? 'rejected' : 'withdrawn',
        result: rejected ? '申请材料不符合法定形式，不予许可' : '申请人撤回申请',
        documentNo: rejected
          ? `乌审不字〔${decidedAt.getUTCFullYear()}〕${String(serial).padStart(4, '0')}号`
          : null,
      });
    }
    if (record === corrected && record !== decidedLater) {
      out.push({ ...record, documentNo: `${record.documentNo ?? ''}`.replace('号', '') });
      out.push({
        ...record,
        kind: 'correction',
        supersedes: out.length - 1,
        note: '文号漏录“号”字，予以更正',
      });
    } else if (record === decidedLater) {
      out.push({ ...record, decidedAt: null, status: 'in_progress', result: null, documentNo: null });
      out.push({ ...record, kind: 'decision', supersedes: out.length - 1 });
    } else {
      out.push(record);
    }
  }
  return out;
}

function planningTask(
  project: Omit<SampleProject, 'planning'>,
  parcel: Parcel | undefined,
  start: Date,
  random: Random,
): SamplePlanningTask {
  const invited: DepartmentCode[] = [
    'natural_resources',
    'ecology_environment',
    'water',
    'transport',
    'housing_construction',
  ];
  if (random.chance(0.3)) invited.push('culture_heritage');
  if (random.chance(0.3)) invited.push('emergency');
  const concluded = project.stage !== 'land_use_planning';
  const answering = concluded ? invited : invited.filter(() => random.chance(0.6));
  const opinions: SampleOpinion[] = answering.map((department, i) => {
    const text = OPINION_TEXT[department];
    const fill = (s: string) =>
      s
        .replace('{plotRatio}', String(parcel?.properties.plot_ratio ?? 2.0))
        .replace('{height}', String(parcel?.properties.height_limit_m ?? 24))
        .replace('{green}', String(parcel?.properties.green_ratio_pct ?? 30));
    return {
      department,
      author:
        USERS.find((u) => u.department === department && u.roles.includes('dept_reviewer'))?.username ?? null,
      conditions: fill(text?.conditions ?? '原则同意，按相关规范执行。'),
      requiredAssessments: (text?.assessments ?? []).filter((a) =>
        (ASSESSMENT_TYPES as readonly string[]).includes(a),
      ),
      createdAt: at(isoDay(start, 3 + i + random.int(0, 4)), 11),
    };
  });
  const concludedAt = concluded ? at(isoDay(start, 18), 17) : null;
  const leadName = DEPARTMENTS.find((d) => d.code === 'development_reform')?.name ?? '';
  return {
    lead: 'development_reform',
    title: `${project.name}策划生成`,
    deadline: isoDay(start, 20).toISOString().slice(0, 10),
    status: concluded ? 'concluded' : 'open',
    conclusion: concluded
      ? `经${leadName}牵头组织${invited.length}个部门联合会商，项目符合国土空间规划，建设条件明确，同意开展前期工作。各部门建设条件纳入项目策划生成成果，一并告知建设单位。`
      : null,
    concludedAt,
    createdAt: at(start, 9),
    invited,
    opinions,
  };
}

export function sampleProjects(
  parcels: Parcel[],
  farmland: FarmlandParcel[],
  redLines: RedLineArea[],
  districts: District[],
  random: Random,
): SampleProject[] {
  const projects: SampleProject[] = [];
  const base = new Date(Date.UTC(2023, 2, 1));
  const usedParcels = new Set<Parcel>();
  const addProject = (p: {
    template: Template;
    shape: Shape;
    centre: Point;
    districtCode: string;
    parcel?: Parcel;
    nameOverride?: string;
  }) => {
    const i = projects.length;
    const stage = STAGE_OF_PROJECT[i] ?? 'land_use_planning';
    const start = isoDay(base, random.int(0, 640));
    const year = start.getUTCFullYear();
    const district = DISTRICTS.find((d) => d.code === p.districtCode)?.name ?? '';
    const road = random.pick(ROAD_NAMES);
    const typeCode = p.template.investment === 'government' ? '01' : random.pick(['02', '03']);
    const sites: SampleProject['sites'] = [];
    if (random.chance(0.2)) {
      sites.push({
        shape: scaleShape(p.shape, 1.12, p.centre),
        reason: '建设单位申报用地范围',
        createdBy: 'wang.chuangkou',
        createdAt: at(start, 10),
      });
      sites.push({
        shape: p.shape,
        reason: '根据规划条件及部门意见调整用地范围',
        createdBy: 'zhang.guihua',
        createdAt: at(isoDay(start, 25), 15),
      });
    } else {
      sites.push({
        shape: p.shape,
        reason: '建设单位申报用地范围',
        createdBy: 'wang.chuangkou',
        createdAt: at(start, 10),
      });
    }
    const project: Omit<SampleProject, 'planning'> = {
      code: `${year}-${p.districtCode}-${p.template.industry}-${typeCode}-${String(100 + i * 37).padStart(6, '0')}`,
      name: p.nameOverride ?? p.template.name(road, district),
      constructionUnit: random.pick(CONSTRUCTION_UNITS[p.template.investment]),
      investmentType: p.template.investment,
      projectType: p.template.projectType,
      districtCode: p.districtCode,
      stage,
      totalInvestmentWanYuan: Math.round(random.range(800, 120000)),
      sites,
      approvals: approvalsUpTo(stage, isoDay(start, 21), random, i + 1),
    };
    projects.push({
      ...project,
      planning:
        p.template.investment === 'government' ? planningTask(project, p.parcel, start, random) : null,
    });
  };

  for (let n = 0; projects.length < 27 && n < 2000; n++) {
    const template = TEMPLATES[projects.length % TEMPLATES.length] as Template;
    const candidates = parcels.filter(
      (p) => template.uses.includes(String(p.properties.land_use_code)) && !usedParcels.has(p),
    );
    if (candidates.length === 0) continue;
    const parcel = random.pick(candidates);
    usedParcels.add(parcel);
    addProject({
      template,
      shape: parcel.shape,
      centre: parcel.centre,
      districtCode: String(parcel.properties.district_code),
      parcel,
    });
  }

  // Sites the compliance check must object to.
  const field = farmland[Math.floor(farmland.length / 3)];
  if (field) {
    const centre = field.shape[0]?.[0]?.[0] ?? [0, 0];
    addProject({
      template: {
        uses: [],
        investment: 'social',
        projectType: '工业项目',
        industry: '44',
        name: () => `${field.properties.township}农光互补光伏发电项目`,
      },
      shape: scaleShape(field.shape, 1.6, centre as Point),
      centre: centre as Point,
      districtCode: String(field.properties.district_code),
    });
  }
  const red = redLines[0];
  if (red) {
    const ring = red.shape[0]?.[0] ?? [];
    const centre = ring[0] ?? [0, 0];
    const square: Shape = [
      [
        [
          [centre[0] - 150, centre[1] - 150],
          [centre[0] + 150, centre[1] - 150],
          [centre[0] + 150, centre[1] + 150],
          [centre[0] - 150, centre[1] + 150],
          [centre[0] - 150, centre[1] - 150],
        ],
      ],
    ];
    addProject({
      template: {
        uses: [],
        investment: 'social',
        projectType: '工业项目',
        industry: '15',
        name: () => '天山北坡矿泉水生产线项目',
      },
      shape: square,
      centre,
      districtCode: districtAt(districts, centre).info.code,
    });
  }
  const edgeParcel =
    parcels.filter((p) => !p.block.full && p.properties.land_use_code === '1101')[0] ?? parcels[0];
  if (edgeParcel) {
    addProject({
      template: {
        uses: [],
        investment: 'social',
        projectType: '工业项目',
        industry: '59',
        name: (r) => `${r}冷链物流仓储项目`,
      },
      shape: scaleShape(edgeParcel.shape, 2.2, edgeParcel.centre),
      centre: edgeParcel.centre,
      districtCode: String(edgeParcel.properties.district_code),
    });
  }
  return projects;
}
