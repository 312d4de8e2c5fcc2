// Runs a compliance check: in one REPEATABLE READ transaction it reads the rule set, the current version of
// every layer the rules name and the project (one statement), prepares the site, evaluates every rule in
// PostGIS (one query per rule, several at once where the pool has idle connections: evaluate-rules.ts), and
// stores the run sealed with its verification code, the versions it read and each rule's result (one
// statement). The answer and its code are made from what is stored, as a stored run is read back, without
// reading it back.
import type { Pool, PoolClient } from 'pg';
import { invalid, notFound } from '../compliance-error';
import { parseRuleSet, type RuleSet } from '../rule-sets/rule-set-schema';
import { prepareSite } from '../site/prepare-site';
import { parseSiteGeometry, sourceProjection } from '../site/site-input';
import { readSqlFile } from '../sql-file';
import { requireSiteInDistricts, type DistrictScope } from './district-scope';
import { evaluateRules } from './evaluate-rules';
import { assembleRun, canonicalRun, type ComplianceRun, type LayerRow, type ResultRow } from './read-run';
import { storedJson } from './stored-json';
import { verificationCode } from './verification-code';
import { verdictOf } from './verdict';

export interface CheckRequest {
  geometry: unknown;
  /** the CRS of the geometry's coordinates; EPSG:4490 when absent */
  crs?: string;
  projectCode?: string;
  /** overrides the project's type for land-use compatibility */
  projectType?: string;
  ruleSet?: string;
  /** the project site version checked (kept with the run), when the site is one */
  siteVersionId?: string;
  userId: number | null;
  /** the districts the user is limited to (the site must lie inside them); null: the whole city */
  districts?: DistrictScope;
}

interface InputsRow {
  rule_set_version_id: number | null;
  version_no: number;
  created_at: Date;
  code: string;
  name: string;
  district_code: string | null;
  rules: unknown[];
  settings: Record<string, unknown>;
  project_id: number | null;
  project_code: string | null;
  project_type: string | null;
  checked_by: string | null;
  layer_codes: string[];
  layer_names: string[];
  layer_version_nos: number[];
  layer_version_ids: string[];
  layer_published_at: (Date | null)[];
  run_id: string;
  checked_at: Date;
  snapshot: string;
}

interface CheckInputs {
  ruleSet: RuleSet;
  ruleSetVersionId: number;
  ruleSetVersion: number;
  project: { id: number; code: string; projectType: string } | null;
  checkedBy: string | null;
  /** the current version of every layer the rule set names, in code order */
  layers: LayerRow[];
  runId: string;
  checkedAt: Date;
  snapshot: string;
}

/**
 * Rule-set versions are never changed once written: each is validated once per process and kept (by its id
 * and time of writing), not parsed again for every check.
 */
const parsedRuleSets = new Map<string, RuleSet>();
const PARSED_RULE_SETS_KEPT = 64;

function ruleSetOf(row: InputsRow): RuleSet {
  const key = `${row.rule_set_version_id}@${row.created_at.getTime()}`;
  let ruleSet = parsedRuleSets.get(key);
  if (!ruleSet) {
    ruleSet = parseRuleSet({
      code: row.code,
      name: row.name,
      districtCode: row.district_code,
      ...row.settings,
      rules: row.rules,
    });
    if (parsedRuleSets.size >= PARSED_RULE_SETS_KEPT) parsedRuleSets.clear();
    parsedRuleSets.set(key, ruleSet);
  }
  return ruleSet;
}

async function readInputs(client: PoolClient, request: CheckRequest): Promise<CheckInputs> {
  const { rows } = await client.query<InputsRow>({
    name: 'compliance-check-inputs',
    text: readSqlFile(__dirname, 'check-inputs'),
    values: [request.ruleSet ?? null, request.projectCode ?? null, request.userId],
  });
  const row = rows[0]!;
  if (row.rule_set_version_id === null)
    throw request.ruleSet === undefined
      ? notFound('尚未配置审查规则集 / no rule set is configured', { parameter: 'ruleSet' })
      : notFound(`规则集不存在 / no rule set "${request.ruleSet}"`, {
          parameter: 'ruleSet',
          value: request.ruleSet,
        });
  const ruleSet = ruleSetOf(row);
  if (request.projectCode !== undefined && row.project_id === null)
    throw notFound(`项目不存在：${request.projectCode} / no project with code ${request.projectCode}`, {
      parameter: 'projectCode',
      value: request.projectCode,
    });
  const codes = [...new Set([ruleSet.cityBoundaryLayer, ...ruleSet.rules.flatMap((r) => r.layers)])];
  const found = row.layer_codes.map((code, i) => ({
    code,
    name: row.layer_names[i]!,
    version_no: row.layer_version_nos[i]!,
    version_id: row.layer_version_ids[i]!,
    published_at: row.layer_published_at[i] ?? null,
  }));
  const missing = codes.filter((c) => !row.layer_codes.includes(c));
  if (missing.length > 0)
    throw invalid(`规则集引用的图层没有可用版本：${missing.join('、')} / layers without a current version`, {
      parameter: 'ruleSet',
      layers: missing,
    });
  const layers = found.filter((l) => codes.includes(l.code));
  return {
    ruleSet,
    ruleSetVersionId: row.rule_set_version_id,
    ruleSetVersion: row.version_no,
    project:
      row.project_id === null
        ? null
        : { id: row.project_id, code: row.project_code!, projectType: row.project_type! },
    checkedBy: row.checked_by,
    layers,
    runId: row.run_id,
    checkedAt: row.checked_at,
    snapshot: row.snapshot,
  };
}

export async function runCheck(pool: Pool, request: CheckRequest): Promise<ComplianceRun> {
  const geometry = parseSiteGeometry(request.geometry);
  const crs = request.crs ?? 'EPSG:4490';
  sourceProjection(crs); // refuses an unknown CRS before a connection is taken
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const inputs = await readInputs(client, request);
    const { ruleSet, project } = inputs;
    const versions = new Map(inputs.layers.map((l) => [l.code, l.version_id]));
    const site = await prepareSite(client, geometry, crs, {
      cityVersionId: versions.get(ruleSet.cityBoundaryLayer)!,
      maxSiteAreaM2: ruleSet.maxSiteAreaM2,
    });
    const context = {
      site,
      versionIdsOf: (layers: string[]) => layers.map((code) => versions.get(code)!),
      projectType: request.projectType ?? project?.projectType ?? null,
      checkedOn: new Date().toISOString().slice(0, 10),
    };
    const outcomes = await evaluateRules(pool, client, inputs.snapshot, ruleSet.rules, context);
    requireSiteInDistricts(
      site.areaM2,
      ruleSet.rules.map((rule, i) => ({ kind: rule.kind, details: outcomes[i]!.details })),
      request.districts ?? null,
    );
    const verdict = verdictOf(
      ruleSet.rules.map((rule, i) => ({ severity: rule.severity, passed: outcomes[i]!.passed })),
    );
    const input = JSON.stringify({
      crs,
      projectType: context.projectType,
      repaired: site.repaired,
      repairReason: site.repairReason,
    });
    const details = ruleSet.rules.map((rule, i) =>
      JSON.stringify({
        title: rule.title,
        legalBasis: rule.legalBasis,
        ratio: outcomes[i]!.ratio,
        features: outcomes[i]!.features,
        details: outcomes[i]!.details,
      }),
    );
    const results: ResultRow[] = ruleSet.rules.map((rule, i) => ({
      rule_id: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      passed: outcomes[i]!.passed,
      area_m2: outcomes[i]!.areaM2,
      distance_m: outcomes[i]!.distanceM,
      details: storedJson(details[i]!) as ResultRow['details'],
      // the conflict's GeoJSON as its query gave it: ST_AsGeoJSON(geom, 9) of the geometry stored
      conflict: outcomes[i]!.conflictGeometry,
    }));
    const run = assembleRun(
      {
        id: inputs.runId,
        verdict,
        created_at: inputs.checkedAt,
        username: inputs.checkedBy,
        project_code: project?.code ?? null,
        input: storedJson(input) as ComplianceRun['input'],
        site_area_m2: site.areaM2,
        site: site.geojson,
        rule_set_code: ruleSet.code,
        rule_set_name: ruleSet.name,
        rule_set_version: inputs.ruleSetVersion,
        verification_code: null,
      },
      inputs.layers,
      results,
    );
    const code = verificationCode(canonicalRun(run));
    await client.query({
      name: 'compliance-store-run',
      text: readSqlFile(__dirname, 'store-run'),
      values: [
        inputs.runId,
        project?.id ?? null,
        site.ewkb,
        inputs.ruleSetVersionId,
        request.userId,
        verdict,
        site.areaM2,
        input,
        request.siteVersionId ?? null,
        code,
        inputs.layers.map((l) => l.version_id),
        ruleSet.rules.map((r) => r.id),
        ruleSet.rules.map((r) => r.kind),
        ruleSet.rules.map((r) => r.severity),
        outcomes.map((o) => o.passed),
        outcomes.map((o) => o.areaM2),
        outcomes.map((o) => o.distanceM),
        outcomes.map((o) => o.conflictEwkb),
        `[${details.join(',')}]`,
      ],
    });
    await client.query('COMMIT');
    return { ...run, verificationCode: code };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
