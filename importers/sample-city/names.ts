// Names of the sample city: districts (Ürümqi's administrative codes), roads, townships, units.
export interface DistrictInfo {
  code: string;
  name: string;
  abbreviation: string;
  seat: [number, number];
  townships: string[];
}

export const DISTRICTS: DistrictInfo[] = [
  {
    code: '650102',
    name: '天山区',
    abbreviation: 'TS',
    seat: [2200, -2500],
    townships: ['燕儿窝街道', '东门街道', '碱泉街道'],
  },
  {
    code: '650103',
    name: '沙依巴克区',
    abbreviation: 'SY',
    seat: [-5200, -1500],
    townships: ['西山街道', '雅玛里克山街道', '平顶山街道'],
  },
  {
    code: '650104',
    name: '新市区',
    abbreviation: 'XS',
    seat: [-1500, 9000],
    townships: ['二工乡', '安宁渠镇', '青格达湖乡'],
  },
  {
    code: '650105',
    name: '水磨沟区',
    abbreviation: 'SM',
    seat: [6200, 4500],
    townships: ['石人子沟街道', '七道湾街道', '水磨沟乡'],
  },
  {
    code: '650106',
    name: '头屯河区',
    abbreviation: 'TT',
    seat: [-16000, 4000],
    townships: ['王家沟街道', '头屯河街道', '三坪农场'],
  },
  {
    code: '650107',
    name: '达坂城区',
    abbreviation: 'DB',
    seat: [14000, -21000],
    townships: ['达坂城镇', '东沟乡', '阿克苏乡'],
  },
  {
    code: '650109',
    name: '米东区',
    abbreviation: 'MD',
    seat: [13000, 16000],
    townships: ['古牧地镇', '铁厂沟镇', '羊毛工镇', '柏杨河乡'],
  },
];

export const ROAD_NAMES = [
  '北京路',
  '河北路',
  '长春路',
  '友好路',
  '新华路',
  '解放路',
  '南湖路',
  '钱塘江路',
  '黄河路',
  '阿勒泰路',
  '喀什路',
  '克拉玛依路',
  '西虹路',
  '南昌路',
  '苏州路',
  '天津路',
  '温州街',
  '鲤鱼山路',
  '卫星路',
  '外环路',
  '青峰路',
  '光明路',
  '红光山路',
  '会展大道',
  '高铁北路',
  '银川路',
  '昆明路',
  '珠江路',
  '燕尔窝路',
  '雅山路',
];

export const LAND_USE_PLANNING_UNIT = '控规单元';

export const CONSTRUCTION_UNITS = {
  government: [
    '乌鲁木齐市城市建设投资（集团）有限公司',
    '乌鲁木齐市教育局',
    '乌鲁木齐市卫生健康委员会',
    '乌鲁木齐市交通运输局',
    '乌鲁木齐市水务局',
    '乌鲁木齐城市轨道集团有限公司',
    '乌鲁木齐市园林管理局',
  ],
  social: [
    '新疆天山置业有限公司',
    '乌鲁木齐丝路物流有限公司',
    '新疆中亚商贸城有限公司',
    '新疆广汇房地产开发有限公司',
    '新疆金风新能源装备有限公司',
    '乌鲁木齐昆仑数据科技有限公司',
    '新疆雪莲食品工业有限公司',
    '新疆博格达医疗健康产业有限公司',
  ],
} as const;
