// The four stages of the approval process, in order, with their names.
import { PROJECT_STAGES, type ProjectStage } from '../models';

export const STAGE_NAMES: Record<ProjectStage, string> = {
  land_use_planning: '立项用地规划许可',
  construction_planning: '工程建设许可',
  construction: '施工许可',
  completion: '竣工验收',
};

export function isStage(value: string): value is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
}

/** The stage before this one, or null for the first. */
export function previousStage(stage: ProjectStage): ProjectStage | null {
  const i = PROJECT_STAGES.indexOf(stage);
  return i > 0 ? (PROJECT_STAGES[i - 1] ?? null) : null;
}
