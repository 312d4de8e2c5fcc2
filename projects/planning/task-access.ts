// Finding a project or a task for the one asking: 404 when it does not exist, 403 when its project lies
// outside a district-scoped user's districts; and the asking user's department.
import type { Transaction } from 'sequelize';
import { inDistrictScope, type Principal } from '../../accounts';
import type { PlanningTask, Project, ProjectModels } from '../models';
import { forbidden, notFound } from './planning-error';

/** Today in Beijing (UTC+8), YYYY-MM-DD: deadlines are Beijing calendar days. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function requireScope(principal: Principal, project: Project): void {
  if (!inDistrictScope(principal, project.districtCode))
    throw forbidden(
      `项目“${project.code}”不在您的管辖区域内 / project ${project.code} lies outside your districts`,
      { parameter: 'code', value: project.code },
    );
}

export async function requireProject(
  models: ProjectModels,
  code: string,
  principal: Principal,
  transaction?: Transaction,
): Promise<Project> {
  const project = await models.Project.findOne({
    where: { code },
    ...(transaction ? { transaction, lock: transaction.LOCK.UPDATE } : {}),
  });
  if (!project)
    throw notFound(`项目不存在：${code} / no project ${code}`, { parameter: 'code', value: code });
  requireScope(principal, project);
  return project;
}

/** The task and its project; inside a transaction the task row is locked until it ends. */
export async function requireTask(
  models: ProjectModels,
  id: number,
  principal: Principal,
  transaction?: Transaction,
): Promise<{ task: PlanningTask; project: Project }> {
  const task = Number.isSafeInteger(id)
    ? await models.PlanningTask.findByPk(
        id,
        transaction ? { transaction, lock: transaction.LOCK.UPDATE } : {},
      )
    : null;
  if (!task) throw notFound(`策划任务不存在：${id} / no planning task ${id}`, { parameter: 'id', value: id });
  const project = await models.Project.findByPk(task.projectId, transaction ? { transaction } : {});
  if (!project) throw notFound(`策划任务的项目不存在 / the task's project is missing`, { parameter: 'id' });
  requireScope(principal, project);
  return { task, project };
}

/** The asking user's department; a key or a user without one cannot act for a department. */
export function departmentOf(principal: Principal): { id: number; code: string; name: string } {
  const department = principal.kind === 'user' ? principal.user.department : null;
  if (!department)
    throw forbidden('您不属于任何部门，不能代表部门办理 / you belong to no department', {
      parameter: 'department',
    });
  return department;
}

export function userIdOf(principal: Principal): number | null {
  return principal.kind === 'user' ? principal.user.id : null;
}
