// A project's planning tasks with their opinions, newest first: the planning part of the project detail.
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import { requireProject } from './task-access';
import { taskViews, type TaskView } from './task-view';

/** The tasks of the project (its id), with opinions, department standings and the reuse proposal. */
export async function planningOfProject(store: RecordStore, projectId: number): Promise<TaskView[]> {
  const tasks = await store.models.PlanningTask.findAll({
    where: { projectId },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return taskViews(store, tasks, { withProposal: true });
}

/** The same by project code, for one who may read it (404 unknown, 403 outside a user's districts). */
export async function planningOfProjectCode(
  store: RecordStore,
  code: string,
  principal: Principal,
): Promise<TaskView[]> {
  const project = await requireProject(store.models, code, principal);
  return planningOfProject(store, project.id);
}
