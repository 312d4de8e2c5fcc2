// The lead department concludes a task into the opinion document (策划意见书): only when every invited
// department has given its opinion or the deadline has passed (else 409 naming the missing departments);
// the status moves from open to concluded with the conclusion, when and by whom.
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import { conflict, forbidden, invalid } from './planning-error';
import { beijingToday, departmentOf, requireTask, userIdOf } from './task-access';

const conclusionSchema = z.object({ conclusion: z.string().trim().min(1).max(20_000) });

export async function concludeTask(
  store: RecordStore,
  id: number,
  input: unknown,
  principal: Principal,
): Promise<void> {
  const department = departmentOf(principal);
  const parsed = conclusionSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw invalid('请填写综合意见 / the conclusion text is required', { parameter: 'conclusion' });
  const { sequelize, models } = store;
  await sequelize.transaction(async (transaction) => {
    const { task } = await requireTask(models, id, principal, transaction);
    if (task.leadDepartmentId !== department.id)
      throw forbidden(`只有牵头部门可以办结策划任务 / only the lead department concludes task ${task.id}`, {
        parameter: 'id',
      });
    if (task.status !== 'open')
      throw conflict(`策划任务${task.id}已办结 / planning task ${task.id} is already concluded`, {
        parameter: 'id',
        status: task.status,
      });
    const invited = await models.PlanningTaskDepartment.findAll({ where: { taskId: task.id }, transaction });
    const answered = new Set(
      (
        await models.PlanningOpinion.findAll({
          where: { taskId: task.id },
          attributes: ['departmentId'],
          transaction,
        })
      ).map((o) => o.departmentId),
    );
    const missing = invited.filter((i) => !answered.has(i.departmentId)).map((i) => i.departmentId);
    if (missing.length > 0 && beijingToday() <= task.deadline) {
      const names = await sequelize.query<{ id: number; code: string; name: string }>(
        'SELECT id, code, name FROM departments WHERE id = ANY($1::int[]) ORDER BY id',
        { bind: [missing], type: QueryTypes.SELECT, transaction },
      );
      throw conflict(
        `尚有${missing.length}个部门未提出意见且未到截止日期${task.deadline}：${names.map((n) => n.name).join('、')} / ${missing.length} departments have not answered and the deadline ${task.deadline} has not passed`,
        { parameter: 'id', deadline: task.deadline, missingDepartments: names },
      );
    }
    task.status = 'concluded';
    task.conclusion = parsed.data.conclusion;
    task.concludedAt = new Date();
    task.concludedBy = userIdOf(principal);
    await task.save({ transaction });
  });
}
