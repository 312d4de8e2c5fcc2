// A stored run as the API presents it (and as its verification code is computed): inputs, the rule-set and
// layer versions read, the verdict and every rule's result, in a fixed order.
import type { Queryable } from '../../layers';
import type { ConflictFeature } from '../kinds';
import { areaUnits } from './area-units';
import type { Verdict } from './verdict';

export interface RuleResult {
  ruleId: string;
  title: string;
  legalBasis: string;
  kind: string;
  severity: 'prohibit' | 'warn' | 'inform';
  passed: boolean;
  areaM2: number | null;
  areaHa: number | null;
  areaMu: number | null;
  ratio: number | null;
  distanceM: number | null;
  features: ConflictFeature[];
  details: Record<string, unknown>;
  conflictGeometry: Record<string, unknown> | null;
}

export interface LayerVersionRead {
  layer: string;
  name: string;
  version: number;
  versionId: string;
  publishedAt: string | null;
}

export interface ComplianceRun {
  id: string;
  verdict: Verdict;
  createdAt: string;
  createdBy: string | null;
  projectCode: string | null;
  input: { crs: string; projectType: string | null; repaired: boolean; repairReason: string | null };
  siteGeometry: Record<string, unknown>;
  siteAreaM2: number;
  siteAreaHa: number;
  siteAreaMu: number;
  ruleSet: { code: string; name: string; version: number };
  layerVersions: LayerVersionRead[];
  rules: RuleResult[];
  verificationCode: string | null;
}

const RUN = `
SELECT r.id::text, r.verdict, r.created_at, u.username, p.code AS project_code, r.input, r.site_area_m2,
       ST_AsGeoJSON(r.site_geom, 9)::jsonb AS site, s.code AS rule_set_code, s.name AS rule_set_name,
       v.version_no AS rule_set_version, r.verification_code
FROM compliance_runs r
JOIN rule_set_versions v ON v.id = r.rule_set_version_id
JOIN rule_sets s ON s.id = v.rule_set_id
LEFT JOIN users u ON u.id = r.created_by
LEFT JOIN projects p ON p.id = r.project_id
WHERE r.id = $1::bigint`;

const LAYERS = `
SELECT l.code, l.name, lv.version_no, lv.id::text AS version_id, lv.published_at
FROM compliance_run_layers rl
JOIN layer_versions lv ON lv.id = rl.layer_version_id
JOIN layers l ON l.id = lv.layer_id
WHERE rl.run_id = $1::bigint
ORDER BY l.code`;

const RESULTS = `
SELECT rule_id, kind, severity, passed, area_m2, distance_m, details,
       ST_AsGeoJSON(conflict_geom, 9)::jsonb AS conflict
FROM compliance_results WHERE run_id = $1::bigint ORDER BY id`;

export interface RunRow {
  id: string;
  verdict: Verdict;
  created_at: Date;
  username: string | null;
  project_code: string | null;
  input: ComplianceRun['input'];
  site_area_m2: number;
  site: Record<string, unknown>;
  rule_set_code: string;
  rule_set_name: string;
  rule_set_version: number;
  verification_code: string | null;
}

export interface ResultRow {
  rule_id: string;
  kind: string;
  severity: RuleResult['severity'];
  passed: boolean;
  area_m2: number | null;
  distance_m: number | null;
  details: {
    title: string;
    legalBasis: string;
    ratio: number | null;
    features: ConflictFeature[];
    details: Record<string, unknown>;
  };
  conflict: Record<string, unknown> | null;
}

export interface LayerRow {
  code: string;
  name: string;
  version_no: number;
  version_id: string;
  published_at: Date | null;
}

/** The run as the API presents it, from its row, its layers' and its results' rows. */
export function assembleRun(run: RunRow, layers: LayerRow[], results: ResultRow[]): ComplianceRun {
  const site = areaUnits(run.site_area_m2);
  return {
    id: run.id,
    verdict: run.verdict,
    createdAt: run.created_at.toISOString(),
    createdBy: run.username,
    projectCode: run.project_code,
    input: run.input,
    siteGeometry: run.site,
    siteAreaM2: site.areaM2,
    siteAreaHa: site.areaHa,
    siteAreaMu: site.areaMu,
    ruleSet: { code: run.rule_set_code, name: run.rule_set_name, version: run.rule_set_version },
    layerVersions: layers.map((l) => ({
      layer: l.code,
      name: l.name,
      version: l.version_no,
      versionId: l.version_id,
      publishedAt: l.published_at?.toISOString() ?? null,
    })),
    rules: results.map((r) => {
      const area = r.area_m2 === null ? null : areaUnits(r.area_m2);
      return {
        ruleId: r.rule_id,
        title: r.details.title,
        legalBasis: r.details.legalBasis,
        kind: r.kind,
        severity: r.severity,
        passed: r.passed,
        areaM2: area?.areaM2 ?? null,
        areaHa: area?.areaHa ?? null,
        areaMu: area?.areaMu ?? null,
        ratio: r.details.ratio,
        distanceM: r.distance_m === null ? null : Math.round(r.distance_m * 100) / 100,
        features: r.details.features,
        details: r.details.details,
        conflictGeometry: r.conflict,
      };
    }),
    verificationCode: run.verification_code,
  };
}

/** The run, or undefined when there is none with that id. */
export async function readRun(db: Queryable, id: string): Promise<ComplianceRun | undefined> {
  if (!/^[0-9]{1,18}$/.test(id)) return undefined;
  const { rows } = await db.query<RunRow>(RUN, [id]);
  const run = rows[0];
  if (!run) return undefined;
  const layers = await db.query<LayerRow>(LAYERS, [id]);
  const results = await db.query<ResultRow>(RESULTS, [id]);
  return assembleRun(run, layers.rows, results.rows);
}

/** What the verification code covers: the run without the code itself. */
export function canonicalRun(run: ComplianceRun): Omit<ComplianceRun, 'verificationCode'> {
  return Object.fromEntries(Object.entries(run).filter(([key]) => key !== 'verificationCode')) as Omit<
    ComplianceRun,
    'verificationCode'
  >;
}
