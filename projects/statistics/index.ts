// Statistics (5.14): projects and site areas, approval times against their limits.
export {
  projectStatistics,
  type AreaFigures,
  type ProjectGroup,
  type ProjectStatistics,
} from './project-statistics';
export { approvalStatistics, type ApprovalStatistics, type ApprovalTimeGroup } from './approval-statistics';
export type { StatisticsFilters } from './statistics-filters';
