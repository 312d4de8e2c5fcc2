// Opening a planning task: the lead department (the user's own) names the project, a title, the departments
// invited and a deadline (today or later); one open task per project at a time.
import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import { conflict, invalid } from './planning-error';
import { beijingToday, departmentOf, requireProject, userIdOf } from './task-access';

const newTaskSchema = z.object({
  title: z.string().trim().min(1).max(500),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为YYYY-MM-DD / a date YYYY-MM-DD'),
  departments: z.array(z.string().min(1)).min(1, '至少邀请一个部门 / invite at least one department').max(40),
});

function parseNewTask(input: unknown): z.infer<typeof newTaskSchema> {
  const parsed = newTaskSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = issue?.path.map(String).join('.') || 'body';
    throw invalid(`参数“${parameter}”不正确：${issue?.message ?? ''} / invalid parameter ${parameter}`, {
      parameter,
    });
  }
  const body = parsed.data;
  if (
    Number.isNaN(Date.parse(`${body.deadline}T00:00:00Z`)) ||
    new Date(`${body.deadline}T00:00:00Z`).toISOString().slice(0, 10) !== body.deadline
  )
    throw invalid(`截止日期不是有效日期：${body.deadline} / deadline is not a date`, {
      parameter: 'deadline',
    });
  if (body.deadline < beijingToday())
    throw invalid(`截止日期${body.deadline}已过 / the deadline ${body.deadline} has passed`, {
      parameter: 'deadline',
      value: body.deadline,
    });
  return body;
}

/** Opens the task; answers its id. */
export async function openTask(
  store: RecordStore,
  projectCode: string,
  input: unknown,
  principal: Principal,
): Promise<number> {
  const lead = departmentOf(principal);
  const body = parseNewTask(input);
  const codes = [...new Set(body.departments)];
  const { sequelize, models } = store;
  return sequelize.transaction(async (transaction) => {
    // the project row is locked: two leads cannot open two tasks at once
    const project = await requireProject(models, projectCode, principal, transaction);
    const departments = await sequelize.query<{ id: number; code: string }>(
      'SELECT id, code FROM departments WHERE code = ANY($1::text[])',
      { bind: [codes], type: QueryTypes.SELECT, transaction },
    );
    codes.forEach((code, i) => {
      if (!departments.some((d) => d.code === code))
        throw invalid(`部门“${code}”不存在 / no department ${code}`, {
          parameter: `departments[${body.departments.indexOf(code) >= 0 ? body.departments.indexOf(code) : i}]`,
          value: code,
        });
    });
    const open = await models.PlanningTask.findOne({
      where: { projectId: project.id, status: { [Op.ne]: 'concluded' } },
      transaction,
    });
    if (open)
      throw conflict(
        `项目已有进行中的策划任务（${open.id}） / the project has an open planning task ${open.id}`,
        {
          parameter: 'code',
          taskId: open.id,
        },
      );
    const task = await models.PlanningTask.create(
      {
        projectId: project.id,
        leadDepartmentId: lead.id,
        title: body.title,
        deadline: body.deadline,
        createdBy: userIdOf(principal),
      },
      { transaction },
    );
    await models.PlanningTaskDepartment.bulkCreate(
      departments.map((d) => ({ taskId: task.id, departmentId: d.id })),
      { transaction },
    );
    return task.id;
  });
}
