// 5.14: how long approvals took, in working days from acceptance to decision, per department and stage,
// against their time limits: count, mean, median, longest, and how many ran past the due date. Counted over
// the current records decided (approved or rejected) in the date range; withdrawals are not decisions.
import { QueryTypes } from 'sequelize';
import type { Principal } from '../../accounts';
import type { ProjectStage } from '../models';
import type { RecordStore } from '../record-store';
import { STAGE_NAMES } from '../approvals/stages';
import { filterConditions, type StatisticsFilters } from './statistics-filters';

export interface ApprovalTimeGroup {
  department: { code: string; name: string };
  stage: ProjectStage;
  stageName: string;
  count: number;
  meanWorkingDays: number;
  medianWorkingDays: number;
  maxWorkingDays: number;
  /** the time limits of the group's records: the shortest and the longest */
  timeLimitWorkingDays: { min: number; max: number };
  overdueCount: number;
  /** overdue / count, 0 to 1 */
  overdueRate: number;
}

export interface ApprovalStatistics {
  filters: StatisticsFilters;
  groups: ApprovalTimeGroup[];
}

interface Row {
  department_code: string;
  department_name: string;
  stage: ProjectStage;
  n: string;
  mean: number;
  median: number;
  max: number;
  min_limit: number;
  max_limit: number;
  overdue: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function approvalStatistics(
  store: RecordStore,
  principal: Principal,
  filters: StatisticsFilters,
): Promise<ApprovalStatistics> {
  const { where, bind } = filterConditions(principal, filters, 'r.decided_at');
  const rows = await store.sequelize.query<Row>(
    `WITH decided AS (
       SELECT r.stage, d.code AS department_code, d.name AS department_name, r.time_limit_working_days,
         working_days_between(days.accepted_day, days.decided_day) AS used,
         days.decided_day > add_working_days(days.accepted_day, r.time_limit_working_days) AS overdue
       FROM current_approval_records r
       JOIN projects p ON p.id = r.project_id
       JOIN departments d ON d.id = r.department_id
       CROSS JOIN LATERAL (
         SELECT (r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_day,
           (r.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_day) days
       WHERE r.status IN ('approved', 'rejected') AND ${where})
     SELECT department_code, department_name, stage, count(*) AS n, avg(used)::float8 AS mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY used)::float8 AS median, max(used) AS max,
       min(time_limit_working_days) AS min_limit, max(time_limit_working_days) AS max_limit,
       count(*) FILTER (WHERE overdue) AS overdue
     FROM decided
     GROUP BY department_code, department_name, stage
     ORDER BY array_position(ARRAY['land_use_planning', 'construction_planning', 'construction', 'completion'], stage),
       department_code`,
    { bind, type: QueryTypes.SELECT },
  );
  return {
    filters,
    groups: rows.map((r) => {
      const count = Number(r.n);
      const overdue = Number(r.overdue);
      return {
        department: { code: r.department_code, name: r.department_name },
        stage: r.stage,
        stageName: STAGE_NAMES[r.stage],
        count,
        meanWorkingDays: round2(r.mean),
        medianWorkingDays: round2(r.median),
        maxWorkingDays: r.max,
        timeLimitWorkingDays: { min: r.min_limit, max: r.max_limit },
        overdueCount: overdue,
        overdueRate: count === 0 ? 0 : Math.round((overdue / count) * 10_000) / 10_000,
      };
    }),
  };
}
