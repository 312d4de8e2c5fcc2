// Planning tasks across projects: all the user may see, by status, or a department's inbox (waitingFor=me:
// the open tasks inviting the user's department that it has not answered).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Op, QueryTypes } from 'sequelize';
import type { Principal } from '../../accounts';
import type { PlanningTaskStatus } from '../models';
import type { RecordStore } from '../record-store';
import { departmentOf } from './task-access';
import { taskViews, type TaskView } from './task-view';

const LIST_TASKS = readFileSync(path.join(__dirname, 'list-tasks.sql'), 'utf8');

export interface TaskQuery {
  waitingForMe?: boolean;
  status?: PlanningTaskStatus;
  limit: number;
  offset: number;
}

export async function listTasks(
  store: RecordStore,
  principal: Principal,
  query: TaskQuery,
): Promise<{ total: number; tasks: TaskView[] }> {
  const departmentId = query.waitingForMe ? departmentOf(principal).id : null;
  const districts = principal.districts && principal.districts.length > 0 ? [...principal.districts] : null;
  const rows = await store.sequelize.query<{ id: number; total: string }>(LIST_TASKS, {
    bind: [districts, query.status ?? null, departmentId, query.limit, query.offset],
    type: QueryTypes.SELECT,
  });
  const tasks = await store.models.PlanningTask.findAll({
    where: { id: { [Op.in]: rows.map((r) => r.id) } },
  });
  const ordered = rows.map((r) => tasks.find((t) => t.id === r.id)!);
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    tasks: await taskViews(store, ordered, { withProposal: false }),
  };
}
