// One planning task, for whoever may read its project.
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import { requireTask } from './task-access';
import { taskViews, type TaskView } from './task-view';

export async function readTask(store: RecordStore, id: number, principal: Principal): Promise<TaskView> {
  const { task } = await requireTask(store.models, id, principal);
  const [view] = await taskViews(store, [task], { withProposal: true });
  return view!;
}
