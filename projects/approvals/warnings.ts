// 效能督察: the current approval records near their time limit or past it, across the city (within the
// caller's districts), most urgent first.
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import { queryApprovals, type ApprovalView, type ViewOptions, type WarningLevel } from './approval-views';
import { districtScope, requireDistrictFilter } from './project-in-scope';

export interface WarningFilters {
  district?: string;
  stage?: string;
  department?: string;
  /** default near_limit and overdue (items in progress); decided_late lists those decided after the due date */
  levels?: WarningLevel[];
}

const URGENCY: Record<WarningLevel, number> = { overdue: 0, near_limit: 1, decided_late: 2 };

export async function approvalWarnings(
  store: RecordStore,
  principal: Principal,
  filters: WarningFilters,
  options: ViewOptions = {},
): Promise<ApprovalView[]> {
  const levels = filters.levels ?? ['near_limit', 'overdue'];
  const conditions = ['successor.id IS NULL'];
  const bind: unknown[] = [];
  const param = (value: unknown) => {
    bind.push(value);
    return `$${bind.length + 1}`;
  };
  const open = levels.some((l) => l !== 'decided_late');
  const decided = levels.includes('decided_late');
  if (!open) conditions.push('r.decided_at IS NOT NULL');
  if (!decided) conditions.push('r.decided_at IS NULL');
  if (filters.district) {
    requireDistrictFilter(principal, filters.district);
    conditions.push(`p.district_code = ${param(filters.district)}`);
  }
  const scope = districtScope(principal);
  if (scope) conditions.push(`p.district_code = ANY(${param([...scope])}::text[])`);
  if (filters.stage) conditions.push(`r.stage = ${param(filters.stage)}`);
  if (filters.department) conditions.push(`d.code = ${param(filters.department)}`);
  const records = await queryApprovals(store, conditions.join(' AND '), bind, options);
  return records
    .filter((r) => r.warning !== null && levels.includes(r.warning.level))
    .sort(
      (a, b) =>
        URGENCY[a.warning?.level ?? 'decided_late'] - URGENCY[b.warning?.level ?? 'decided_late'] ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.id - b.id,
    );
}
