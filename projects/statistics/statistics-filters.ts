// The filters the statistics share: a date range (days in Asia/Shanghai, both ends included) and a
// district, within the caller's district scope.
import type { Principal } from '../../accounts';
import { districtScope, requireDistrictFilter } from '../approvals/project-in-scope';

export interface StatisticsFilters {
  /** YYYY-MM-DD, first day included */
  from?: string;
  /** YYYY-MM-DD, last day included */
  to?: string;
  district?: string;
}

/** SQL conditions on a project alias `p` and a timestamp expression, with their bound values from `$first`. */
export function filterConditions(
  principal: Principal,
  filters: StatisticsFilters,
  dateExpression: string,
  first = 1,
): { where: string; bind: unknown[] } {
  const bind: unknown[] = [];
  const conditions = ['true'];
  const param = (value: unknown) => {
    bind.push(value);
    return `$${first + bind.length - 1}`;
  };
  if (filters.from)
    conditions.push(`(${dateExpression} AT TIME ZONE 'Asia/Shanghai')::date >= ${param(filters.from)}::date`);
  if (filters.to)
    conditions.push(`(${dateExpression} AT TIME ZONE 'Asia/Shanghai')::date <= ${param(filters.to)}::date`);
  if (filters.district) {
    requireDistrictFilter(principal, filters.district);
    conditions.push(`p.district_code = ${param(filters.district)}`);
  }
  const scope = districtScope(principal);
  if (scope) conditions.push(`p.district_code = ANY(${param([...scope])}::text[])`);
  return { where: conditions.join(' AND '), bind };
}
