// Runs a compliance check: in one REPEATABLE READ transaction it reads the rule set and the current version
// of every layer the rules name, prepares the site, evaluates every rule in PostGIS, stores the run with the
// versions it read and each rule's result, and seals it with its verification code.
import type { Pool, PoolClient } from 'pg';
import { invalid, notFound } from '../compliance-error';
import { evaluateRule, type RuleOutcome } from '../kinds';
import { defaultRuleSetCode, readRuleSet } from '../rule-sets/rule-set-store';
import { prepareSite } from '../site/prepare-site';
import { parseSiteGeometry, sourceProjection } from '../site/site-input';
import { requireSiteInDistricts, type DistrictScope } from './district-scope';
import { canonicalRun, readRun, type ComplianceRun } from './read-run';
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

const LAYER_VERSIONS = `
SELECT l.code, l.current_version_id::text AS version_id
FROM layers l
WHERE l.code = ANY($1::text[]) AND l.deleted_at IS NULL AND l.current_version_id IS NOT NULL`;

/** every rule's result in one statement, in the rule set's order (the order runs are read back in) */
const INSERT_RESULTS = `
INSERT INTO compliance_results (run_id, rule_id, kind, severity, passed, area_m2, distance_m, conflict_geom, details)
SELECT $1::bigint, r.rule_id, r.kind, r.severity, r.passed, r.area_m2, r.distance_m, ST_GeomFromEWKB(r.ewkb), r.details
FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::float8[], $7::float8[], $8::bytea[], $9::jsonb[])
     WITH ORDINALITY AS r(rule_id, kind, severity, passed, area_m2, distance_m, ewkb, details, n)
ORDER BY r.n`;

async function currentVersions(client: PoolClient, codes: string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ code: string; version_id: string }>(LAYER_VERSIONS, [codes]);
  const versions = new Map(rows.map((r) => [r.code, r.version_id]));
  const missing = codes.filter((c) => !versions.has(c));
  if (missing.length > 0)
    throw invalid(`规则集引用的图层没有可用版本：${missing.join('、')} / layers without a current version`, {
      parameter: 'ruleSet',
      layers: missing,
    });
  return versions;
}

async function findProject(client: PoolClient, code: string): Promise<{ id: number; projectType: string }> {
  const { rows } = await client.query<{ id: number; project_type: string }>(
    'SELECT id, project_type FROM projects WHERE code = $1',
    [code],
  );
  if (!rows[0])
    throw notFound(`项目不存在：${code} / no project with code ${code}`, {
      parameter: 'projectCode',
      value: code,
    });
  return { id: rows[0].id, projectType: rows[0].project_type };
}

export async function runCheck(pool: Pool, request: CheckRequest): Promise<ComplianceRun> {
  const geometry = parseSiteGeometry(request.geometry);
  const crs = request.crs ?? 'EPSG:4490';
  sourceProjection(crs); // refuses an unknown CRS before a connection is taken
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const stored = await readRuleSet(client, request.ruleSet ?? (await defaultRuleSetCode(client)));
    const ruleSet = stored.definition;
    const project = request.projectCode ? await findProject(client, request.projectCode) : null;
    const codes = [...new Set([ruleSet.cityBoundaryLayer, ...ruleSet.rules.flatMap((r) => r.layers)])];
    const versions = await currentVersions(client, codes);
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
    const outcomes: RuleOutcome[] = [];
    for (const rule of ruleSet.rules) outcomes.push(await evaluateRule(client, rule, context));
    requireSiteInDistricts(
      site.areaM2,
      ruleSet.rules.map((rule, i) => ({ kind: rule.kind, details: outcomes[i]!.details })),
      request.districts ?? null,
    );
    const verdict = verdictOf(
      ruleSet.rules.map((rule, i) => ({ severity: rule.severity, passed: outcomes[i]!.passed })),
    );

    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO compliance_runs (project_id, site_geom, rule_set_version_id, created_by, verdict, site_area_m2, input, site_version_id)
       VALUES ($1, ST_GeomFromEWKB($2::bytea), $3, $4, $5, $6, $7::jsonb, $8::bigint) RETURNING id::text`,
      [
        project?.id ?? null,
        site.ewkb,
        stored.versionId,
        request.userId,
        verdict,
        site.areaM2,
        JSON.stringify({
          crs,
          projectType: context.projectType,
          repaired: site.repaired,
          repairReason: site.repairReason,
        }),
        request.siteVersionId ?? null,
      ],
    );
    const runId = rows[0]!.id;
    await client.query(
      'INSERT INTO compliance_run_layers (run_id, layer_version_id) SELECT $1::bigint, unnest($2::bigint[])',
      [runId, [...new Set(versions.values())]],
    );
    await client.query(INSERT_RESULTS, [
      runId,
      ruleSet.rules.map((r) => r.id),
      ruleSet.rules.map((r) => r.kind),
      ruleSet.rules.map((r) => r.severity),
      outcomes.map((o) => o.passed),
      outcomes.map((o) => o.areaM2),
      outcomes.map((o) => o.distanceM),
      outcomes.map((o) => o.conflictEwkb),
      ruleSet.rules.map((rule, i) =>
        JSON.stringify({
          title: rule.title,
          legalBasis: rule.legalBasis,
          ratio: outcomes[i]!.ratio,
          features: outcomes[i]!.features,
          details: outcomes[i]!.details,
        }),
      ),
    ]);
    const run = (await readRun(client, runId))!;
    const code = verificationCode(canonicalRun(run));
    await client.query(
      "UPDATE compliance_runs SET verification_code = $2, status = 'done', finished_at = clock_timestamp() WHERE id = $1::bigint",
      [runId, code],
    );
    await client.query('COMMIT');
    return { ...run, verificationCode: code };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
