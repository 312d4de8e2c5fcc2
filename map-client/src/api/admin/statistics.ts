// Statistics (5.14) for the dashboard: projects by district, stage, type and month, and approval times by
// department and stage against their limits. The same paths with ?format=csv give the CSV downloads.
import { callJson } from '../client';

export interface AreaFigures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface ProjectGroup extends AreaFigures {
  key: string;
  label: string;
}

export interface ProjectStatistics {
  total: AreaFigures;
  byDistrict: ProjectGroup[];
  byStage: ProjectGroup[];
  byType: ProjectGroup[];
  byMonth: ProjectGroup[];
}

export interface ApprovalTimeGroup {
  department: { code: string; name: string };
  stage: string;
  stageName: string;
  count: number;
  meanWorkingDays: number;
  medianWorkingDays: number;
  maxWorkingDays: number;
  timeLimitWorkingDays: { min: number; max: number };
  overdueCount: number;
  overdueRate: number;
}

export interface ApprovalStatistics {
  groups: ApprovalTimeGroup[];
}

export const PROJECT_STATISTICS_PATH = '/api/v1/statistics/projects';
export const APPROVAL_STATISTICS_PATH = '/api/v1/statistics/approvals';

export function fetchProjectStatistics(signal?: AbortSignal): Promise<ProjectStatistics> {
  return callJson<ProjectStatistics>(PROJECT_STATISTICS_PATH, { signal });
}

export function fetchApprovalStatistics(signal?: AbortSignal): Promise<ApprovalStatistics> {
  return callJson<ApprovalStatistics>(APPROVAL_STATISTICS_PATH, { signal });
}

export interface StageTimeliness {
  stage: string;
  stageName: string;
  onTime: number;
  late: number;
}

/** Approvals on time and late per stage, the departments of a stage added up, in the stages' order. */
export function timelinessByStage(groups: readonly ApprovalTimeGroup[]): StageTimeliness[] {
  const byStage = new Map<string, StageTimeliness>();
  for (const g of groups) {
    const entry = byStage.get(g.stage) ?? { stage: g.stage, stageName: g.stageName, onTime: 0, late: 0 };
    entry.onTime += g.count - g.overdueCount;
    entry.late += g.overdueCount;
    byStage.set(g.stage, entry);
  }
  return [...byStage.values()];
}
