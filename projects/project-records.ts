// Creating, reading and changing the project record through the Sequelize models: the national code and
// the district checked, a duplicate code refused, a stale update (optimistic locking on lock_version)
// refused with the current record, and every door within the caller's district scope.
import { OptimisticLockError, UniqueConstraintError, ValidationError, type Transaction } from 'sequelize';
import { inDistrictScope, type Principal } from '../accounts';
import type { InvestmentType, Project, ProjectStage } from './models';
import { checkProjectCode } from './project-code';
import { conflict, forbidden, invalid, notFound } from './project-error';
import { districtName } from './districts';
import type { RecordStore } from './record-store';
import { queryableOf } from './sequelize-queryable';

export interface ProjectFields {
  name: string;
  constructionUnit: string;
  investmentType: InvestmentType;
  projectType: string;
  stage: ProjectStage;
  totalInvestmentWanYuan?: number | null;
}

export interface NewProject extends ProjectFields {
  code: string;
  districtCode: string;
}

export interface ProjectRecord {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: InvestmentType;
  projectType: string;
  districtCode: string;
  stage: ProjectStage;
  totalInvestmentWanYuan: number | null;
  lockVersion: number;
  createdAt: string;
  updatedAt: string;
}

export function recordOf(project: Project): ProjectRecord {
  return {
    code: project.code,
    name: project.name,
    constructionUnit: project.constructionUnit,
    investmentType: project.investmentType,
    projectType: project.projectType,
    districtCode: project.districtCode,
    stage: project.stage,
    totalInvestmentWanYuan: project.totalInvestmentWanYuan,
    lockVersion: project.lockVersion,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

/** A model validation failure as a 400 naming the field. */
function fromValidation(error: unknown): unknown {
  if (error instanceof ValidationError && !(error instanceof UniqueConstraintError)) {
    const item = error.errors[0];
    const parameter = item?.path ?? 'body';
    return invalid(`参数“${parameter}”不正确 / invalid ${parameter}: ${item?.message ?? error.message}`, {
      parameter,
    });
  }
  return error;
}

function refuseOutOfScope(principal: Principal, districtCode: string, code: string): void {
  if (!inDistrictScope(principal, districtCode))
    throw forbidden(`项目“${code}”不在您的管辖区域内 / project ${code} lies outside your districts`, {
      parameter: 'code',
      value: code,
      districtCode,
    });
}

/**
 * The project of that code, within the caller's district scope (404 when there is none, 403 when it is
 * another district's); `lock` takes its row lock for the transaction.
 */
export async function findProject(
  store: RecordStore,
  principal: Principal,
  code: string,
  options: { transaction?: Transaction; lock?: boolean } = {},
): Promise<Project> {
  const project = await store.models.Project.findOne({
    where: { code },
    ...(options.transaction ? { transaction: options.transaction } : {}),
    ...(options.lock && options.transaction ? { lock: options.transaction.LOCK.UPDATE } : {}),
  });
  if (!project)
    throw notFound(`项目不存在：${code} / no project with code ${code}`, { parameter: 'code', value: code });
  refuseOutOfScope(principal, project.districtCode, code);
  return project;
}

export async function createProject(
  store: RecordStore,
  principal: Principal,
  input: NewProject,
): Promise<ProjectRecord> {
  checkProjectCode(input.code, input.districtCode);
  refuseOutOfScope(principal, input.districtCode, input.code);
  return store.sequelize.transaction(async (transaction) => {
    if ((await districtName(queryableOf(store.sequelize, transaction), input.districtCode)) === undefined)
      throw invalid(
        `区县代码${input.districtCode}不是本市的区县 / no district ${input.districtCode} in the city`,
        {
          parameter: 'districtCode',
          value: input.districtCode,
        },
      );
    try {
      const project = await store.models.Project.create(
        { ...input, totalInvestmentWanYuan: input.totalInvestmentWanYuan ?? null },
        { transaction },
      );
      return recordOf(project);
    } catch (error) {
      if (error instanceof UniqueConstraintError)
        throw conflict(`项目代码已存在：${input.code} / a project with code ${input.code} exists`, {
          parameter: 'code',
          value: input.code,
        });
      throw fromValidation(error);
    }
  });
}

function staleRecord(current: Project, given: number) {
  return conflict(
    `项目已被他人修改（当前版本${current.lockVersion}，您提交的是${given}），请刷新后重试 / the project was changed since version ${given}; it is now ${current.lockVersion}`,
    { parameter: 'lockVersion', given, lockVersion: current.lockVersion, current: recordOf(current) },
  );
}

/** Changes the record's fields if `lockVersion` is still the record's; otherwise 409 with the current one. */
export async function updateProject(
  store: RecordStore,
  principal: Principal,
  code: string,
  change: Partial<ProjectFields> & { lockVersion: number },
): Promise<ProjectRecord> {
  const { lockVersion, ...fields } = change;
  const project = await findProject(store, principal, code);
  if (project.lockVersion !== lockVersion) throw staleRecord(project, lockVersion);
  project.set(fields);
  try {
    await project.save();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      const current = await findProject(store, principal, code);
      throw staleRecord(current, lockVersion);
    }
    throw fromValidation(error);
  }
  return recordOf(project);
}
