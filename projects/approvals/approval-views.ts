// Approval records as the API shows them: with the project, the department, the due date counted in working
// days, the days used and left as of a date, where the record stands in its chain, and its warning.
import { QueryTypes, type Transaction } from 'sequelize';
import type { ProjectStage } from '../models';
import type { RecordStore } from '../record-store';
import { STAGE_NAMES } from './stages';

/** Working days left at or below which an item in progress is flagged (效能督察), unless configured. */
export const DEFAULT_NEAR_LIMIT_WORKING_DAYS = 2;

export type WarningLevel = 'near_limit' | 'overdue' | 'decided_late';

export interface ApprovalWarning {
  level: WarningLevel;
  message: string;
}

export interface ApprovalView {
  id: number;
  project: { code: string; name: string; districtCode: string };
  stage: ProjectStage;
  stageName: string;
  item: string;
  department: { code: string; name: string };
  acceptedAt: string;
  decidedAt: string | null;
  timeLimitWorkingDays: number;
  /** the day the time limit runs out (Asia/Shanghai), counted with the working-day calendar */
  dueDate: string;
  status: string;
  result: string | null;
  documentNo: string | null;
  kind: string;
  supersedesId: number | null;
  supersededById: number | null;
  /** not superseded: the record that stands */
  current: boolean;
  note: string;
  recordedBy: string | null;
  recordedAt: string;
  /** working days from acceptance to the decision, or to `asOf` while in progress */
  workingDaysUsed: number;
  /** working days from `asOf` to the due date while in progress (negative once past it) */
  workingDaysLeft: number | null;
  warning: ApprovalWarning | null;
}

export interface ViewOptions {
  /** the day the days left are counted from (YYYY-MM-DD); default today in Asia/Shanghai */
  asOf?: string;
  nearLimitWorkingDays?: number;
}

interface Row {
  id: string;
  project_code: string;
  project_name: string;
  district_code: string;
  stage: ProjectStage;
  item: string;
  department_code: string;
  department_name: string;
  accepted_at: Date;
  decided_at: Date | null;
  time_limit_working_days: number;
  due_date: string;
  status: string;
  result: string | null;
  document_no: string | null;
  kind: string;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  note: string;
  recorded_by: string | null;
  created_at: Date;
  working_days_used: number;
  working_days_left: number | null;
  past_due: boolean;
}

/**
 * The select over approval records; `$1` is the as-of day, the caller's conditions (on `r`, `p`, `d` and
 * `successor`) bind from `$2`.
 */
export function approvalSelect(where: string, orderAndLimit = ''): string {
  return `
    WITH as_of AS (SELECT coalesce($1::date, (now() AT TIME ZONE 'Asia/Shanghai')::date) AS day)
    SELECT r.id::text AS id, p.code AS project_code, p.name AS project_name, p.district_code,
      r.stage, r.item, d.code AS department_code, d.name AS department_name, r.accepted_at, r.decided_at,
      r.time_limit_working_days, due.due_date::text AS due_date, r.status, r.result, r.document_no, r.kind,
      r.supersedes_id::text AS supersedes_id, successor.id::text AS superseded_by_id, r.note,
      u.username AS recorded_by, r.created_at,
      working_days_between(days.accepted_day, coalesce(days.decided_day, as_of.day)) AS working_days_used,
      CASE WHEN r.decided_at IS NULL THEN working_days_between(as_of.day, due.due_date) END AS working_days_left,
      coalesce(days.decided_day, as_of.day) > due.due_date AS past_due
    FROM approval_records r
    CROSS JOIN as_of
    JOIN projects p ON p.id = r.project_id
    JOIN departments d ON d.id = r.department_id
    LEFT JOIN users u ON u.id = r.recorded_by
    LEFT JOIN approval_records successor ON successor.supersedes_id = r.id
    LEFT JOIN approval_item_catalogue c ON c.stage = r.stage AND c.item = r.item
    CROSS JOIN LATERAL (
      SELECT (r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_day,
        (r.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_day
    ) days
    CROSS JOIN LATERAL (SELECT add_working_days(days.accepted_day, r.time_limit_working_days) AS due_date) due
    WHERE ${where}
    ${orderAndLimit || "ORDER BY array_position(ARRAY['land_use_planning', 'construction_planning', 'construction', 'completion'], r.stage), c.position NULLS LAST, r.accepted_at, r.id"}`;
}

function warningOf(row: Row, nearLimit: number): ApprovalWarning | null {
  if (row.superseded_by_id !== null) return null;
  if (row.decided_at !== null) {
    return row.past_due
      ? {
          level: 'decided_late',
          message: `超期办结：时限至 ${row.due_date}，用时 ${row.working_days_used} 个工作日 / decided after the due date ${row.due_date}`,
        }
      : null;
  }
  const left = row.working_days_left ?? 0;
  if (row.past_due) {
    return {
      level: 'overdue',
      message: `已超期：时限至 ${row.due_date}，已超 ${-left} 个工作日 / past the due date ${row.due_date} by ${-left} working days`,
    };
  }
  if (left <= nearLimit) {
    return {
      level: 'near_limit',
      message: `临近时限：剩余 ${left} 个工作日，至 ${row.due_date} / ${left} working days left until ${row.due_date}`,
    };
  }
  return null;
}

function present(row: Row, nearLimit: number): ApprovalView {
  return {
    id: Number(row.id),
    project: { code: row.project_code, name: row.project_name, districtCode: row.district_code },
    stage: row.stage,
    stageName: STAGE_NAMES[row.stage],
    item: row.item,
    department: { code: row.department_code, name: row.department_name },
    acceptedAt: new Date(row.accepted_at).toISOString(),
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
    timeLimitWorkingDays: row.time_limit_working_days,
    dueDate: row.due_date,
    status: row.status,
    result: row.result,
    documentNo: row.document_no,
    kind: row.kind,
    supersedesId: row.supersedes_id === null ? null : Number(row.supersedes_id),
    supersededById: row.superseded_by_id === null ? null : Number(row.superseded_by_id),
    current: row.superseded_by_id === null,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.created_at).toISOString(),
    workingDaysUsed: row.working_days_used,
    workingDaysLeft: row.working_days_left,
    warning: warningOf(row, nearLimit),
  };
}

/** Approval records matching `where` (bound from `$2` on), presented as of `options.asOf`. */
export async function queryApprovals(
  store: RecordStore,
  where: string,
  bind: unknown[],
  options: ViewOptions = {},
  extra: { orderAndLimit?: string; transaction?: Transaction } = {},
): Promise<ApprovalView[]> {
  const rows = await store.sequelize.query<Row>(approvalSelect(where, extra.orderAndLimit), {
    bind: [options.asOf ?? null, ...bind],
    type: QueryTypes.SELECT,
    transaction: extra.transaction,
  });
  const nearLimit = options.nearLimitWorkingDays ?? DEFAULT_NEAR_LIMIT_WORKING_DAYS;
  return rows.map((row) => present(row, nearLimit));
}
