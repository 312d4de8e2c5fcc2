// The catalogue of approval items per stage (data, migration 021), and the checks of a record against it.
import { QueryTypes, type Transaction } from 'sequelize';
import type { ApprovalItem, ProjectStage } from '../models';
import type { RecordStore } from '../record-store';
import { ApprovalError } from './approval-error';
import { STAGE_NAMES, isStage } from './stages';

export interface CatalogueStage {
  stage: ProjectStage;
  name: string;
  items: { item: string; departmentCode: string; timeLimitWorkingDays: number }[];
}

export async function approvalCatalogue(store: RecordStore): Promise<CatalogueStage[]> {
  const items = await store.models.ApprovalItem.findAll({ order: [['position', 'ASC']] });
  return (Object.keys(STAGE_NAMES) as ProjectStage[]).map((stage) => ({
    stage,
    name: STAGE_NAMES[stage],
    items: items
      .filter((i) => i.stage === stage)
      .map((i) => ({
        item: i.item,
        departmentCode: i.departmentCode,
        timeLimitWorkingDays: i.timeLimitWorkingDays,
      })),
  }));
}

export function requireStage(value: string): ProjectStage {
  if (!isStage(value)) {
    throw new ApprovalError('invalid', 'unknown_stage', `未知的审批阶段：${value} / unknown stage ${value}`, {
      parameter: 'stage',
      value,
      allowed: Object.keys(STAGE_NAMES),
    });
  }
  return value;
}

export async function requireItem(
  store: RecordStore,
  stage: ProjectStage,
  item: string,
  transaction?: Transaction,
): Promise<ApprovalItem> {
  const found = await store.models.ApprovalItem.findOne({ where: { stage, item }, transaction });
  if (!found) {
    const allowed = await store.models.ApprovalItem.findAll({
      where: { stage },
      order: [['position', 'ASC']],
      transaction,
    });
    throw new ApprovalError(
      'invalid',
      'unknown_item',
      `“${STAGE_NAMES[stage]}”阶段没有审批事项“${item}” / no approval item "${item}" in stage ${stage}`,
      { parameter: 'item', value: item, allowed: allowed.map((a) => a.item) },
    );
  }
  return found;
}

/** The department handling the item: the one named must exist and be the catalogue's. */
export async function requireDepartment(
  store: RecordStore,
  item: ApprovalItem,
  named: string | undefined,
  transaction?: Transaction,
): Promise<{ id: number; code: string }> {
  const code = named ?? item.departmentCode;
  const rows = await store.sequelize.query<{ id: number }>('SELECT id FROM departments WHERE code = $1', {
    bind: [code],
    type: QueryTypes.SELECT,
    transaction,
  });
  const id = rows[0]?.id;
  if (id === undefined) {
    throw new ApprovalError('invalid', 'unknown_department', `部门不存在：${code} / no department ${code}`, {
      parameter: 'department',
      value: code,
    });
  }
  if (code !== item.departmentCode) {
    throw new ApprovalError(
      'invalid',
      'wrong_department',
      `审批事项“${item.item}”由 ${item.departmentCode} 办理，不是 ${code} / the item is handled by ${item.departmentCode}, not ${code}`,
      { parameter: 'department', value: code, expected: item.departmentCode },
    );
  }
  return { id, code };
}
