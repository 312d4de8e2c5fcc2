// The runs of a project (or the latest runs), newest first, without their rule details.
import type { Queryable } from '../../layers';
import { notFound } from '../compliance-error';
import { areaUnits } from './area-units';
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
ORDER BY r.created_at DESC, r.id DESC
LIMIT $2`;

export async function listRuns(
  db: Queryable,
  query: { projectCode?: string; limit: number },
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
  }>(LIST, [query.projectCode ?? null, query.limit]);
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
