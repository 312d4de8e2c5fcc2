// The runs of a project (or the latest runs), newest first, without their rule details; for a district-scoped
// user only the runs of sites inside their districts.
import type { Queryable } from '../../layers';
import { notFound } from '../compliance-error';
import { areaUnits } from './area-units';
import { DISTRICT_SCOPE_TOLERANCE_M2, inScope, type DistrictScope } from './district-scope';
import type { Verdict } from './verdict';

export interface RunSummary {
  id: string;
  verdict: Verdict;
  createdAt: string;
  projectCode: string | null;
  siteAreaM2: number;
  siteAreaHa: number;
  siteAreaMu: number;
  ruleSet: { code: string; version: number };
  verificationCode: string;
}

const LIST = `
SELECT r.id::text, r.verdict, r.created_at, p.code AS project_code, r.site_area_m2, s.code AS rule_set_code,
       v.version_no, r.verification_code
FROM compliance_runs r
JOIN rule_set_versions v ON v.id = r.rule_set_version_id
JOIN rule_sets s ON s.id = v.rule_set_id
LEFT JOIN projects p ON p.id = r.project_id
WHERE r.status = 'done' AND ($1::text IS NULL OR p.code = $1)
  -- a district-scoped user's list: the runs whose site lies in their districts (by the jurisdiction result)
  AND ($3::text[] IS NULL OR EXISTS (
    SELECT 1 FROM compliance_results j
    WHERE j.id = (SELECT min(id) FROM compliance_results WHERE run_id = r.id AND kind = 'jurisdiction')
      AND r.site_area_m2 - coalesce((
            SELECT sum((d ->> 'areaM2')::float8) FROM jsonb_array_elements(j.details -> 'details' -> 'districts') d
            WHERE d ->> 'code' = ANY($3::text[])), 0) <= $4::float8))
ORDER BY r.created_at DESC, r.id DESC
LIMIT $2`;

export async function listRuns(
  db: Queryable,
  query: { projectCode?: string; limit: number; districts?: DistrictScope },
): Promise<RunSummary[]> {
  if (query.projectCode) {
    const { rows } = await db.query('SELECT 1 FROM projects WHERE code = $1', [query.projectCode]);
    if (rows.length === 0)
      throw notFound(`项目不存在：${query.projectCode} / no project with code ${query.projectCode}`, {
        parameter: 'projectCode',
        value: query.projectCode,
      });
  }
  const { rows } = await db.query<{
    id: string;
    verdict: Verdict;
    created_at: Date;
    project_code: string | null;
    site_area_m2: number;
    rule_set_code: string;
    version_no: number;
    verification_code: string;
  }>(LIST, [
    query.projectCode ?? null,
    query.limit,
    inScope(query.districts ?? null) ? query.districts : null,
    DISTRICT_SCOPE_TOLERANCE_M2,
  ]);
  return rows.map((r) => ({
    id: r.id,
    verdict: r.verdict,
    createdAt: r.created_at.toISOString(),
    projectCode: r.project_code,
    ...(({ areaM2, areaHa, areaMu }) => ({ siteAreaM2: areaM2, siteAreaHa: areaHa, siteAreaMu: areaMu }))(
      areaUnits(r.site_area_m2),
    ),
    ruleSet: { code: r.rule_set_code, version: r.version_no },
    verificationCode: r.verification_code,
  }));
}
