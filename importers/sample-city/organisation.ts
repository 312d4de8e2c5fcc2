// Departments and users of the sample city (the roles and their permissions come with the schema).
export const DEPARTMENTS = [
  { code: 'development_reform', name: '乌鲁木齐市发展和改革委员会' },
  { code: 'natural_resources', name: '乌鲁木齐市自然资源局' },
  { code: 'housing_construction', name: '乌鲁木齐市住房和城乡建设局' },
  { code: 'ecology_environment', name: '乌鲁木齐市生态环境局' },
  { code: 'transport', name: '乌鲁木齐市交通运输局' },
  { code: 'water', name: '乌鲁木齐市水务局' },
  { code: 'emergency', name: '乌鲁木齐市应急管理局' },
  { code: 'culture_heritage', name: '乌鲁木齐市文化体育广电和旅游局（文物局）' },
  { code: 'civil_air_defence', name: '乌鲁木齐市人民防空办公室' },
  { code: 'government_services', name: '乌鲁木齐市政务服务和大数据管理局' },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

export interface SampleUser {
  username: string;
  displayName: string;
  department: DepartmentCode;
  roles: string[];
  districts: string[];
}

export const USERS: SampleUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    department: 'government_services',
    roles: ['admin'],
    districts: [],
  },
  {
    username: 'zhang.guihua',
    displayName: '张规划',
    department: 'natural_resources',
    roles: ['planner'],
    districts: [],
  },
  {
    username: 'li.shencha',
    displayName: '李审查',
    department: 'natural_resources',
    roles: ['reviewer'],
    districts: ['650102', '650103'],
  },
  {
    username: 'wang.chuangkou',
    displayName: '王窗口',
    department: 'government_services',
    roles: ['clerk'],
    districts: [],
  },
  {
    username: 'zhao.shenpi',
    displayName: '赵审批',
    department: 'housing_construction',
    roles: ['clerk'],
    districts: [],
  },
  {
    username: 'chen.fagai',
    displayName: '陈发改',
    department: 'development_reform',
    roles: ['dept_reviewer'],
    districts: [],
  },
  {
    username: 'liu.shengtai',
    displayName: '刘生态',
    department: 'ecology_environment',
    roles: ['dept_reviewer'],
    districts: [],
  },
  {
    username: 'sun.jiaotong',
    displayName: '孙交通',
    department: 'transport',
    roles: ['dept_reviewer'],
    districts: [],
  },
  {
    username: 'zhou.shuiwu',
    displayName: '周水务',
    department: 'water',
    roles: ['dept_reviewer'],
    districts: [],
  },
  {
    username: 'wu.wenwu',
    displayName: '吴文物',
    department: 'culture_heritage',
    roles: ['dept_reviewer'],
    districts: [],
  },
];
