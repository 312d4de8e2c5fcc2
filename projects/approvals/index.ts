// Approval records (审批记录), their warnings and the working-day calendar.
export { ApprovalError, type ApprovalErrorKind } from './approval-error';
export {
  DEFAULT_NEAR_LIMIT_WORKING_DAYS,
  type ApprovalView,
  type ApprovalWarning,
  type ViewOptions,
  type WarningLevel,
} from './approval-views';
export {
  approvalsOfProject,
  correctApproval,
  createApproval,
  decideApproval,
  listProjectApprovals,
  readApproval,
  type Correction,
  type Decision,
  type NewApproval,
} from './approval-records';
export { approvalCatalogue, type CatalogueStage } from './catalogue';
export { STAGE_NAMES } from './stages';
export { approvalWarnings, type WarningFilters } from './warnings';
export { calendarYear, replaceCalendarYear, type CalendarEntry, type CalendarYear } from './working-calendar';
