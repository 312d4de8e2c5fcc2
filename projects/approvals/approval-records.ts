// Approval records of a project: registered, decided and corrected as new records, never overwritten. The
// current record of a chain is the one nothing supersedes; revising any other is refused as stale.
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import type { Principal } from '../../accounts';
import type { ApprovalStatus, DecidedStatus, ProjectStage } from '../models';
import type { RecordStore } from '../record-store';
import { ApprovalError } from './approval-error';
import { queryApprovals, type ApprovalView, type ViewOptions } from './approval-views';
import { requireDepartment, requireItem, requireStage } from './catalogue';
import { projectInScope, requireDistrict } from './project-in-scope';
import { STAGE_NAMES, previousStage } from './stages';

export interface NewApproval {
  stage: string;
  item: string;
  /** the handling department's code; default the catalogue's */
  department?: string;
  acceptedAt: string;
  decidedAt?: string | null;
  /** default in_progress, or approved when a decision date is given */
  status?: ApprovalStatus;
  result?: string | null;
  documentNo?: string | null;
  /** a promised limit shorter than the legal one; default the legal limit */
  timeLimitWorkingDays?: number;
  note?: string;
}

export interface Decision {
  decidedAt: string;
  status: DecidedStatus;
  result?: string | null;
  documentNo?: string | null;
  note?: string;
}

export interface Correction {
  /** why the record is corrected */
  note: string;
  acceptedAt?: string;
  decidedAt?: string | null;
  status?: ApprovalStatus;
  result?: string | null;
  documentNo?: string | null;
  timeLimitWorkingDays?: number;
}

interface RecordShape {
  acceptedAt: Date;
  decidedAt: Date | null;
  status: ApprovalStatus;
  documentNo: string | null;
}

const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new ApprovalError('invalid', code, message, details);

/** A decision date before acceptance, a status that does not fit the dates, an approval without a number. */
function checkShape(record: RecordShape): void {
  const { acceptedAt, decidedAt, status } = record;
  const now = Date.now() + 60_000;
  if (acceptedAt.getTime() > now) {
    throw invalid('in_future', '受理时间不能晚于当前时间 / acceptedAt lies in the future', {
      parameter: 'acceptedAt',
    });
  }
  if (decidedAt && decidedAt.getTime() > now) {
    throw invalid('in_future', '办结时间不能晚于当前时间 / decidedAt lies in the future', {
      parameter: 'decidedAt',
    });
  }
  if (decidedAt && decidedAt.getTime() < acceptedAt.getTime()) {
    throw invalid(
      'decided_before_accepted',
      `办结时间 ${decidedAt.toISOString()} 早于受理时间 ${acceptedAt.toISOString()} / decided before it was accepted`,
      { parameter: 'decidedAt', acceptedAt: acceptedAt.toISOString(), decidedAt: decidedAt.toISOString() },
    );
  }
  if (status === 'in_progress' && decidedAt) {
    throw invalid('status_mismatch', '办理中的事项没有办结时间 / an item in progress has no decidedAt', {
      parameter: 'status',
    });
  }
  if (status !== 'in_progress' && !decidedAt) {
    throw invalid('decided_at_required', `状态 ${status} 需要办结时间 / status ${status} needs decidedAt`, {
      parameter: 'decidedAt',
    });
  }
  if (status === 'approved' && !record.documentNo) {
    throw invalid('document_no_required', '准予许可需要文号 / an approval needs its document number', {
      parameter: 'documentNo',
    });
  }
}

function toDate(value: string, parameter: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw invalid('invalid_time', `时间格式不正确：${value} / not a time: ${value}`, { parameter, value });
  }
  return date;
}

function userIdOf(principal: Principal): number | null {
  return principal.kind === 'user' ? principal.user.id : null;
}

/** One writer at a time per project, so that stage checks and chains see a settled state. */
async function lockProject(store: RecordStore, projectId: number, transaction: Transaction): Promise<void> {
  await store.sequelize.query('SELECT pg_advisory_xact_lock(21, $1)', {
    bind: [projectId],
    type: QueryTypes.SELECT,
    transaction,
  });
}

/** The status of the record that stands for each item of a stage (the latest accepted among current ones). */
async function itemStatuses(
  store: RecordStore,
  projectId: number,
  stage: ProjectStage,
  transaction: Transaction,
): Promise<{ item: string; status: ApprovalStatus | null }[]> {
  return store.sequelize.query<{ item: string; status: ApprovalStatus | null }>(
    `SELECT c.item,
       (SELECT r.status FROM current_approval_records r
        WHERE r.project_id = $1 AND r.stage = c.stage AND r.item = c.item
        ORDER BY r.accepted_at DESC, r.id DESC LIMIT 1) AS status
     FROM approval_item_catalogue c WHERE c.stage = $2 ORDER BY c.position`,
    { bind: [projectId, stage], type: QueryTypes.SELECT, transaction },
  );
}

/**
 * A stage starts only once every item of the stage before it is approved (409 `stage_out_of_order`); an
 * item is applied for again only after a rejection or a withdrawal (409 `item_open`).
 */
async function checkOrder(
  store: RecordStore,
  projectId: number,
  stage: ProjectStage,
  item: string,
  transaction: Transaction,
): Promise<void> {
  const before = previousStage(stage);
  if (before) {
    const missing = (await itemStatuses(store, projectId, before, transaction)).filter(
      (s) => s.status !== 'approved',
    );
    if (missing.length > 0) {
      throw new ApprovalError(
        'conflict',
        'stage_out_of_order',
        `“${STAGE_NAMES[before]}”阶段尚有事项未获准予许可，不能办理“${STAGE_NAMES[stage]}” / stage ${before} is not approved yet`,
        { stage, previousStage: before, missingItems: missing },
      );
    }
  }
  const same = (await itemStatuses(store, projectId, stage, transaction)).find((s) => s.item === item);
  if (same?.status === 'in_progress' || same?.status === 'approved') {
    throw new ApprovalError(
      'conflict',
      'item_open',
      `审批事项“${item}”已${same.status === 'approved' ? '准予许可' : '在办理中'} / the item is already ${same.status}`,
      { item, status: same.status },
    );
  }
}

async function viewOf(
  store: RecordStore,
  id: number,
  options: ViewOptions,
  transaction?: Transaction,
): Promise<ApprovalView> {
  const [view] = await queryApprovals(store, 'r.id = $2', [id], options, { transaction });
  if (!view)
    throw new ApprovalError('not_found', 'approval_not_found', `审批记录不存在：${id} / no approval ${id}`);
  return view;
}

/** A project's approval records: the current ones, or every record with `history`. */
export async function listProjectApprovals(
  store: RecordStore,
  code: string,
  principal: Principal,
  options: ViewOptions & { history?: boolean } = {},
): Promise<ApprovalView[]> {
  const project = await projectInScope(store, code, principal);
  return queryApprovals(
    store,
    options.history ? 'r.project_id = $2' : 'r.project_id = $2 AND successor.id IS NULL',
    [project.id],
    options,
  );
}

/**
 * A project's current approval records with their due dates, and those carrying a warning: what the project
 * detail shows. The caller has found the project and checked the district scope.
 */
export async function approvalsOfProject(
  store: RecordStore,
  projectId: number,
  options: ViewOptions = {},
): Promise<{ records: ApprovalView[]; warnings: ApprovalView[] }> {
  const records = await queryApprovals(
    store,
    'r.project_id = $2 AND successor.id IS NULL',
    [projectId],
    options,
  );
  return { records, warnings: records.filter((r) => r.warning !== null) };
}

export async function createApproval(
  store: RecordStore,
  code: string,
  principal: Principal,
  input: NewApproval,
  options: ViewOptions = {},
): Promise<ApprovalView> {
  const project = await projectInScope(store, code, principal);
  const stage = requireStage(input.stage);
  const item = await requireItem(store, stage, input.item);
  const department = await requireDepartment(store, item, input.department);
  const limit = input.timeLimitWorkingDays ?? item.timeLimitWorkingDays;
  if (limit > item.timeLimitWorkingDays) {
    throw invalid(
      'time_limit_exceeds_legal',
      `承诺时限 ${limit} 个工作日超过法定时限 ${item.timeLimitWorkingDays} / the limit exceeds the legal ${item.timeLimitWorkingDays} working days`,
      { parameter: 'timeLimitWorkingDays', legal: item.timeLimitWorkingDays },
    );
  }
  const acceptedAt = toDate(input.acceptedAt, 'acceptedAt');
  const decidedAt = input.decidedAt ? toDate(input.decidedAt, 'decidedAt') : null;
  const status = input.status ?? (decidedAt ? 'approved' : 'in_progress');
  const documentNo = input.documentNo ?? null;
  checkShape({ acceptedAt, decidedAt, status, documentNo });
  const id = await store.sequelize.transaction(async (transaction) => {
    await lockProject(store, project.id, transaction);
    await checkOrder(store, project.id, stage, item.item, transaction);
    const created = await store.models.ApprovalRecord.create(
      {
        projectId: project.id,
        stage,
        item: item.item,
        departmentId: department.id,
        acceptedAt,
        decidedAt,
        timeLimitWorkingDays: limit,
        status,
        result: input.result ?? null,
        documentNo,
        kind: 'registration',
        supersedesId: null,
        note: input.note ?? '',
        recordedBy: userIdOf(principal),
      },
      { transaction },
    );
    return created.id;
  });
  return viewOf(store, id, options);
}

/** A record and its whole chain, oldest first. */
export async function readApproval(
  store: RecordStore,
  id: number,
  principal: Principal,
  options: ViewOptions = {},
): Promise<{ record: ApprovalView; chain: ApprovalView[] }> {
  const record = await viewOf(store, id, options);
  requireDistrict(principal, record.project.districtCode, record.project.code);
  const chain = await queryApprovals(
    store,
    `r.id IN (
       WITH RECURSIVE back AS (
         SELECT id, supersedes_id FROM approval_records WHERE id = $2
         UNION SELECT a.id, a.supersedes_id FROM approval_records a JOIN back ON a.id = back.supersedes_id),
       forth AS (
         SELECT id FROM approval_records WHERE id = $2
         UNION SELECT a.id FROM approval_records a JOIN forth ON a.supersedes_id = forth.id)
       SELECT id FROM back UNION SELECT id FROM forth)`,
    [id],
    options,
    { orderAndLimit: 'ORDER BY r.id' },
  );
  return { record, chain };
}

/** Supersedes the record `id` with the one `revise` makes of it; `id` must be current. */
async function supersede(
  store: RecordStore,
  id: number,
  principal: Principal,
  revise: (old: ApprovalView) => {
    kind: 'decision' | 'correction';
    acceptedAt: Date;
    decidedAt: Date | null;
    status: ApprovalStatus;
    result: string | null;
    documentNo: string | null;
    timeLimitWorkingDays: number;
    note: string;
  },
  options: ViewOptions,
): Promise<ApprovalView> {
  const before = await viewOf(store, id, options);
  requireDistrict(principal, before.project.districtCode, before.project.code);
  if (!before.current) throw await stale(store, id);
  const old = await store.models.ApprovalRecord.findByPk(id);
  if (!old)
    throw new ApprovalError('not_found', 'approval_not_found', `审批记录不存在：${id} / no approval ${id}`);
  const next = revise(before);
  checkShape(next);
  try {
    const newId = await store.sequelize.transaction(async (transaction) => {
      await lockProject(store, old.projectId, transaction);
      const successor = await store.models.ApprovalRecord.findOne({
        where: { supersedesId: id },
        transaction,
      });
      if (successor) throw await stale(store, id, transaction);
      const created = await store.models.ApprovalRecord.create(
        {
          projectId: old.projectId,
          stage: old.stage,
          item: old.item,
          departmentId: old.departmentId,
          ...next,
          supersedesId: id,
          recordedBy: userIdOf(principal),
        },
        { transaction },
      );
      return created.id;
    });
    return viewOf(store, newId, options);
  } catch (error) {
    // another revision of the same record came first
    if (error instanceof UniqueConstraintError) throw await stale(store, id);
    throw error;
  }
}

async function stale(store: RecordStore, id: number, transaction?: Transaction): Promise<ApprovalError> {
  const rows = await store.sequelize.query<{ id: string }>(
    `WITH RECURSIVE forth AS (
       SELECT id, 0 AS depth FROM approval_records WHERE id = $1
       UNION ALL SELECT a.id, forth.depth + 1 FROM approval_records a JOIN forth ON a.supersedes_id = forth.id)
     SELECT id::text AS id FROM forth ORDER BY depth DESC LIMIT 1`,
    { bind: [id], type: QueryTypes.SELECT, transaction },
  );
  const current = Number(rows[0]?.id ?? id);
  return new ApprovalError(
    'conflict',
    'stale_record',
    `审批记录 ${id} 已被记录 ${current} 取代，请在最新记录上操作 / record ${id} was superseded; the current record is ${current}`,
    { id, currentId: current },
  );
}

export async function decideApproval(
  store: RecordStore,
  id: number,
  principal: Principal,
  decision: Decision,
  options: ViewOptions = {},
): Promise<ApprovalView> {
  return supersede(
    store,
    id,
    principal,
    (old) => {
      if (old.status !== 'in_progress') {
        throw new ApprovalError(
          'conflict',
          'already_decided',
          `审批记录 ${id} 已办结（${old.status}），如需更改请提交更正 / already decided: correct it instead`,
          { id, status: old.status },
        );
      }
      return {
        kind: 'decision',
        acceptedAt: new Date(old.acceptedAt),
        decidedAt: toDate(decision.decidedAt, 'decidedAt'),
        status: decision.status,
        result: decision.result ?? null,
        documentNo: decision.documentNo ?? null,
        timeLimitWorkingDays: old.timeLimitWorkingDays,
        note: decision.note ?? '',
      };
    },
    options,
  );
}

export async function correctApproval(
  store: RecordStore,
  id: number,
  principal: Principal,
  correction: Correction,
  options: ViewOptions = {},
): Promise<ApprovalView> {
  const record = await store.models.ApprovalRecord.findByPk(id);
  const item = record
    ? await store.models.ApprovalItem.findOne({ where: { stage: record.stage, item: record.item } })
    : null;
  return supersede(
    store,
    id,
    principal,
    (old) => {
      const limit = correction.timeLimitWorkingDays ?? old.timeLimitWorkingDays;
      if (item && limit > item.timeLimitWorkingDays) {
        throw invalid(
          'time_limit_exceeds_legal',
          `时限 ${limit} 个工作日超过法定时限 ${item.timeLimitWorkingDays} / the limit exceeds the legal ${item.timeLimitWorkingDays} working days`,
          { parameter: 'timeLimitWorkingDays', legal: item.timeLimitWorkingDays },
        );
      }
      const decidedAt =
        correction.decidedAt === undefined
          ? old.decidedAt === null
            ? null
            : new Date(old.decidedAt)
          : correction.decidedAt === null
            ? null
            : toDate(correction.decidedAt, 'decidedAt');
      return {
        kind: 'correction',
        acceptedAt: correction.acceptedAt
          ? toDate(correction.acceptedAt, 'acceptedAt')
          : new Date(old.acceptedAt),
        decidedAt,
        status: correction.status ?? (old.status as ApprovalStatus),
        result: correction.result === undefined ? old.result : correction.result,
        documentNo: correction.documentNo === undefined ? old.documentNo : correction.documentNo,
        timeLimitWorkingDays: limit,
        note: correction.note,
      };
    },
    options,
  );
}
