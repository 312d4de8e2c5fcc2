// Approval items (审批事项) of each stage, the department handling each, and its legal time limit.
import type { DepartmentCode } from './organisation';

export type Stage = 'land_use_planning' | 'construction_planning' | 'construction' | 'completion';

export const STAGES: { code: Stage; name: string }[] = [
  { code: 'land_use_planning', name: '立项用地规划许可' },
  { code: 'construction_planning', name: '工程建设许可' },
  { code: 'construction', name: '施工许可' },
  { code: 'completion', name: '竣工验收' },
];

export const APPROVAL_ITEMS: Record<
  Stage,
  { item: string; department: DepartmentCode; workingDays: number }[]
> = {
  land_use_planning: [
    { item: '企业投资项目备案（核准）/政府投资项目审批', department: 'development_reform', workingDays: 20 },
    { item: '建设项目用地预审与选址意见书核发', department: 'natural_resources', workingDays: 20 },
    { item: '建设用地规划许可证核发', department: 'natural_resources', workingDays: 20 },
  ],
  construction_planning: [
    { item: '建设工程设计方案审查', department: 'natural_resources', workingDays: 15 },
    { item: '建设工程规划许可证核发', department: 'natural_resources', workingDays: 15 },
  ],
  construction: [
    { item: '施工图设计文件审查', department: 'housing_construction', workingDays: 10 },
    { item: '人防工程设计审查', department: 'civil_air_defence', workingDays: 10 },
    { item: '建筑工程施工许可证核发', department: 'housing_construction', workingDays: 7 },
  ],
  completion: [
    { item: '规划条件核实', department: 'natural_resources', workingDays: 10 },
    { item: '联合竣工验收', department: 'housing_construction', workingDays: 12 },
    { item: '竣工验收备案', department: 'housing_construction', workingDays: 5 },
  ],
};
