// Planning generation (项目策划生成): tasks, department opinions, the reuse of regional assessments, the
// automatic checks of conditions against the site, and the opinion document.
export { AttachmentStore } from './attachment-store';
export type { ReceivedFile } from './attachment-store';
export { ASSESSMENTS, CONDITION_KINDS } from './catalogue';
export type { Assessment, ConditionKind } from './catalogue';
export { concludeTask } from './conclude-task';
export { listTasks } from './list-tasks';
export type { TaskQuery } from './list-tasks';
export { openTask } from './open-task';
export {
  OPINION_DOCUMENT_TITLE,
  opinionDocumentDocx,
  opinionDocumentFacts,
  opinionDocumentPdf,
} from './opinion-document';
export type { DocumentFacts } from './opinion-document';
export { PlanningError } from './planning-error';
export type { PlanningErrorKind } from './planning-error';
export { planningOfProject, planningOfProjectCode } from './planning-of-project';
export { readTask } from './read-task';
export { submitOpinion } from './submit-opinion';
export type { OpinionView, TaskView } from './task-view';
