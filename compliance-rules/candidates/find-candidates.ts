// Candidate sites (选址推荐): plan parcels, or unions of adjacent plan parcels when no single one is large
// enough, of a land-use class the project type may use, inside the search area, that pass every prohibit
// rule of the rule set (evaluated set-based in PostGIS, ./site-rules), ranked by fit (./candidate-score).
// Everything is read in one REPEATABLE READ transaction that is rolled back: a search stores nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { codeEntry } from '../../layers';
import { invalid, notFound } from '../compliance-error';
import { defaultRuleSetCode, readRuleSet } from '../rule-sets/rule-set-store';
import type { Rule, RuleOf, RuleSet } from '../rule-sets/rule-set-schema';
import { areaUnits } from '../runs/area-units';
import { OUTSIDE_CITY_TOLERANCE_M2 } from '../site/prepare-site';
import { candidateFit } from './candidate-score';
import { requiredArea, type CandidateRequest } from './candidate-request';
import { growGroups, type Group, type Neighbourhood } from './grow-groups';
import { evaluateRuleOnSites, type SiteRuleContext, type SiteRuleResult } from './site-rules';

const sql = (name: string) => readFileSync(path.join(__dirname, `${name}.sql`), 'utf8');
const SQL = {
  tables: sql('candidate-tables'),
  loadSites: sql('load-sites'),
  singles: sql('single-parcels'),
  seeds: sql('seed-parcels'),
  pool: sql('seed-pool'),
  adjacency: sql('pool-adjacency'),
  describe: sql('describe-sites'),
  districts: sql('district-area'),
};

/** how many closest-in-area single parcels are judged per candidate asked for */
const SHORTLIST_PER_CANDIDATE = 3;
/** seeds and merged groups beyond those still wanted, for groups the final judgement drops */
const SPARE_SEEDS = 3;
const SPARE_GROUPS = 2;
/** rounds of growing merged groups again without the parcels found failing a prohibit rule */
const GROWTH_ROUNDS = 3;
/** how far around a seed (in multiples of the required area's side) a merged candidate may grow */
const GROWTH_REACH = 0.85;
/** about how many plan parcels the seed cells are counted on (a sample of the table's pages beyond that) */
const SEED_SAMPLE_PARCELS = 15_000;

export interface CandidateWarning {
  ruleId: string;
  title: string;
  kind: Rule['kind'];
  areaM2: number | null;
  ratio: number | null;
  distanceM: number | null;
}

export interface Candidate {
  rank: number;
  kind: 'parcel' | 'merged';
  parcelIds: string[];
  parcelKeys: (string | null)[];
  landUse: { code: string | null; name: string | null; areaM2: number }[];
  areaM2: number;
  areaHa: number;
  areaMu: number;
  perimeterM: number;
  district: { code: string | null; name: string | null } | null;
  score: number;
  fit: { areaFit: number; compactness: number; warnings: number };
  why: string[];
  warnings: CandidateWarning[];
  geometry: Record<string, unknown>;
}

export interface CandidateSearch {
  request: {
    areaM2: number;
    areaHa: number;
    areaMu: number;
    projectType: string;
    districtCodes: string[] | null;
    limit: number;
  };
  ruleSet: { code: string; version: number };
  layerVersions: { layer: string; version: number }[];
  /** the prohibit rules every candidate passes and the warn rules reported */
  rules: { prohibit: string[]; warn: string[] };
  searched: { singleParcels: number; seeds: number; mergedGroups: number };
  candidates: Candidate[];
}

interface Site {
  parcelIds: string[];
}

async function currentVersions(
  client: PoolClient,
  codes: string[],
): Promise<Map<string, { id: string; no: number }>> {
  const { rows } = await client.query<{ code: string; id: string; version_no: number }>(
    `SELECT l.code, v.id::text AS id, v.version_no FROM layers l JOIN layer_versions v ON v.id = l.current_version_id
     WHERE l.code = ANY($1::text[]) AND l.deleted_at IS NULL`,
    [codes],
  );
  const versions = new Map(rows.map((r) => [r.code, { id: r.id, no: r.version_no }]));
  const missing = codes.filter((c) => !versions.has(c));
  if (missing.length > 0)
    throw invalid(`规则集引用的图层没有可用版本：${missing.join('、')} / layers without a current version`, {
      parameter: 'ruleSet',
      layers: missing,
    });
  return versions;
}

function planRuleOf(ruleSet: RuleSet, projectType: string): RuleOf<'land_use_compatibility'> {
  const planRule = ruleSet.rules.find(
    (r): r is RuleOf<'land_use_compatibility'> => r.kind === 'land_use_compatibility',
  );
  if (!planRule)
    throw invalid(
      `规则集“${ruleSet.code}”没有用地兼容性规则，无法推荐选址 / the rule set has no land-use rule`,
      {
        parameter: 'ruleSet',
        value: ruleSet.code,
      },
    );
  const projectTypes = Object.keys(planRule.params.matrix);
  if (!projectTypes.includes(projectType))
    throw invalid(
      `未知的项目类型“${projectType}”，可选：${projectTypes.join('、')} / unknown project type; one of ${projectTypes.join(', ')}`,
      { parameter: 'projectType', value: projectType, projectTypes },
    );
  return planRule;
}

const filterJson = (rule: Rule): string =>
  JSON.stringify(
    Object.fromEntries(Object.entries(rule.filter ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
  );

async function loadSites(client: PoolClient, sites: Site[]): Promise<Map<number, number>> {
  await client.query('TRUNCATE candidate_sites');
  const siteNos: number[] = [];
  const ids: string[] = [];
  sites.forEach((site, i) =>
    site.parcelIds.forEach((id) => {
      siteNos.push(i);
      ids.push(id);
    }),
  );
  await client.query(SQL.loadSites, [siteNos, ids]);
  const { rows } = await client.query<{ site_no: number; area_m2: number }>(
    'SELECT site_no, area_m2 FROM candidate_sites',
  );
  return new Map(rows.map((r) => [r.site_no, r.area_m2]));
}

/** site number → each rule's result, for the rules given */
async function evaluateSites(
  client: PoolClient,
  rules: Rule[],
  context: SiteRuleContext,
  areas: Map<number, number>,
): Promise<Map<string, Map<number, SiteRuleResult>>> {
  const results = new Map<string, Map<number, SiteRuleResult>>();
  for (const rule of rules) results.set(rule.id, await evaluateRuleOnSites(client, rule, context, areas));
  return results;
}

/** The sites (of those loaded) failing none of the prohibit rules. */
function passingSites(
  prohibit: Rule[],
  results: Map<string, Map<number, SiteRuleResult>>,
  siteNos: Iterable<number>,
) {
  return [...siteNos].filter((no) =>
    prohibit.every((rule) => results.get(rule.id)?.get(no)?.passed !== false),
  );
}

async function searchArea(
  client: PoolClient,
  ruleSet: RuleSet,
  codes: string[] | null,
  versionIdsOf: (layers: string[]) => string[],
): Promise<{ ewkb: Buffer | null; districtRule: RuleOf<'jurisdiction'> | null }> {
  const districtRule =
    ruleSet.rules.find((r): r is RuleOf<'jurisdiction'> => r.kind === 'jurisdiction') ?? null;
  if (codes === null) return { ewkb: null, districtRule };
  if (!districtRule)
    throw invalid('规则集未指定行政区图层，无法按行政区推荐 / the rule set names no district layer', {
      parameter: 'districtCode',
    });
  const { rows } = await client.query<{ found: string[]; ewkb: Buffer | null }>(SQL.districts, [
    versionIdsOf(districtRule.layers),
    districtRule.params.codeAttribute,
    codes,
  ]);
  const unknown = codes.filter((c) => !rows[0]!.found.includes(c));
  if (unknown.length > 0 || !rows[0]!.ewkb)
    throw notFound(`行政区不存在：${unknown.join('、')} / no district ${unknown.join(', ')}`, {
      parameter: 'districtCode',
      value: unknown[0],
    });
  return { ewkb: rows[0]!.ewkb, districtRule };
}

export async function findCandidates(pool: Pool, request: CandidateRequest): Promise<CandidateSearch> {
  const required = requiredArea(request);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const stored = await readRuleSet(client, request.ruleSet ?? (await defaultRuleSetCode(client)));
    const ruleSet = stored.definition;
    if (required.areaM2 > ruleSet.maxSiteAreaM2)
      throw invalid(
        `所需面积${Math.round(required.areaM2)}平方米超过上限${ruleSet.maxSiteAreaM2}平方米 / required area above the rule set's largest site (${ruleSet.maxSiteAreaM2} m²)`,
        { parameter: required.parameter, areaM2: required.areaM2, maxAreaM2: ruleSet.maxSiteAreaM2 },
      );
    const planRule = planRuleOf(ruleSet, request.projectType);
    const prohibit = ruleSet.rules.filter((r) => r.severity === 'prohibit');
    const warn = ruleSet.rules.filter((r) => r.severity === 'warn');
    const codes = [...new Set([ruleSet.cityBoundaryLayer, ...ruleSet.rules.flatMap((r) => r.layers)])];
    const versions = await currentVersions(client, codes);
    const versionIdsOf = (layers: string[]) => layers.map((code) => versions.get(code)!.id);
    const context: SiteRuleContext = {
      versionIdsOf,
      projectType: request.projectType,
      checkedOn: new Date().toISOString().slice(0, 10),
    };
    const districtCodes = request.districtCode
      ? [request.districtCode]
      : request.scopeDistricts && request.scopeDistricts.length > 0
        ? [...request.scopeDistricts]
        : null;
    const area = await searchArea(client, ruleSet, districtCodes, versionIdsOf);
    await client.query(SQL.tables);

    const planVersions = versionIdsOf(planRule.layers);
    const compatible = planRule.params.matrix[request.projectType]!;
    const parcelParams = [
      planVersions,
      filterJson(planRule),
      planRule.params.codeAttribute,
      compatible,
      area.ewkb,
    ];

    // single parcels of at least the required area, the closest in area first
    const singles = (
      await client.query<{ id: string }>(SQL.singles, [
        ...parcelParams,
        required.areaM2,
        request.limit * SHORTLIST_PER_CANDIDATE,
      ])
    ).rows.map((r) => ({ parcelIds: [r.id] }));
    let sites: Site[] = [];
    if (singles.length > 0) {
      const areas = await loadSites(client, singles);
      const results = await evaluateSites(client, prohibit, context, areas);
      sites = passingSites(prohibit, results, areas.keys()).map((no) => singles[no]!);
    }

    // merged parcels when the single ones are too few
    let seedCount = 0;
    let groupCount = 0;
    if (sites.length < request.limit) {
      const wanted = request.limit - sites.length;
      const seeds = (
        await client.query<{ id: string }>(SQL.seeds, [
          ...parcelParams,
          required.areaM2,
          wanted + SPARE_SEEDS,
          await samplePercent(client, planVersions),
        ])
      ).rows.map((r) => r.id);
      seedCount = seeds.length;
      if (seeds.length > 0) {
        const hoods = await neighbourhoods(client, seeds, parcelParams, required.areaM2, planVersions);
        const groups = await growPassingGroups(client, hoods, prohibit, context, {
          requiredM2: required.areaM2,
          maxGroups: wanted + SPARE_GROUPS,
        });
        groupCount = groups.length;
        sites = [...sites, ...groups.map((g) => ({ parcelIds: g.parcelIds }))];
      }
    }

    const candidates = await judge(client, sites, {
      prohibit,
      warn,
      context,
      ruleSet,
      planRule,
      area,
      versionIdsOf,
      requiredM2: required.areaM2,
    });
    candidates.sort(
      (a, b) => b.score - a.score || a.parcelIds.length - b.parcelIds.length || a.areaM2 - b.areaM2,
    );
    const top = candidates.slice(0, request.limit).map((c, i) => ({ ...c, rank: i + 1 }));
    return {
      request: {
        ...areaUnits(required.areaM2),
        projectType: request.projectType,
        districtCodes,
        limit: request.limit,
      },
      ruleSet: { code: ruleSet.code, version: stored.version },
      layerVersions: [...versions].map(([layer, v]) => ({ layer, version: v.no })),
      rules: { prohibit: prohibit.map((r) => r.id), warn: warn.map((r) => r.id) },
      searched: { singleParcels: singles.length, seeds: seedCount, mergedGroups: groupCount },
      candidates: top,
    };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/**
 * Groups grown over the pool, then the parcels of the groups are checked against the prohibit rules (only
 * those: the pool can be large) and the groups grown again without the failing ones, a few rounds; the
 * final judgement of the unions catches anything left.
 */
async function growPassingGroups(
  client: PoolClient,
  hoods: Neighbourhood[],
  prohibit: Rule[],
  context: SiteRuleContext,
  target: { requiredM2: number; maxGroups: number },
): Promise<Group[]> {
  const checked = new Set<string>();
  const failing = new Set<string>();
  let groups: Group[] = [];
  for (let round = 0; round < GROWTH_ROUNDS; round++) {
    const usable = hoods.map((h) => ({ ...h, parcels: h.parcels.filter((p) => !failing.has(p.id)) }));
    groups = growGroups(usable, target.requiredM2, target.maxGroups);
    const unchecked = [...new Set(groups.flatMap((g) => g.parcelIds))].filter((id) => !checked.has(id));
    if (unchecked.length === 0 || prohibit.length === 0) break;
    const areas = await loadSites(
      client,
      unchecked.map((id) => ({ parcelIds: [id] })),
    );
    const results = await evaluateSites(client, prohibit, context, areas);
    const passing = new Set(passingSites(prohibit, results, areas.keys()));
    unchecked.forEach((id, no) => {
      checked.add(id);
      if (!passing.has(no)) failing.add(id);
    });
    if (groups.every((g) => g.parcelIds.every((id) => !failing.has(id)))) break;
  }
  return groups;
}

async function neighbourhoods(
  client: PoolClient,
  seeds: string[],
  parcelParams: unknown[],
  requiredM2: number,
  planVersions: string[],
): Promise<Neighbourhood[]> {
  const [, filter, codeAttribute, compatible, areaEwkb] = parcelParams;
  await client.query(SQL.pool, [
    seeds.map((_, i) => i),
    seeds,
    filter,
    codeAttribute,
    compatible,
    requiredM2,
    areaEwkb,
    GROWTH_REACH * Math.sqrt(requiredM2),
    planVersions,
  ]);
  const parcels = await client.query<{ seed_no: number; id: string; area_m2: number; x: number; y: number }>(
    'SELECT seed_no, id::text AS id, area_m2, x, y FROM candidate_pool',
  );
  const pairs = await client.query<{ a: string; b: string }>(SQL.adjacency);
  return seeds.map((seedId, i) => {
    const mine = parcels.rows.filter((p) => p.seed_no === i);
    const ids = new Set(mine.map((p) => p.id));
    return {
      seedId,
      parcels: mine.map((p) => ({ id: p.id, areaM2: p.area_m2, x: p.x, y: p.y })),
      adjacent: pairs.rows
        .filter((p) => ids.has(p.a) && ids.has(p.b))
        .map((p): [string, string] => [p.a, p.b]),
    };
  });
}

interface Judging {
  prohibit: Rule[];
  warn: Rule[];
  context: SiteRuleContext;
  ruleSet: RuleSet;
  planRule: RuleOf<'land_use_compatibility'>;
  area: { districtRule: RuleOf<'jurisdiction'> | null };
  versionIdsOf: (layers: string[]) => string[];
  requiredM2: number;
}

/** Every rule on the final sites; those failing a prohibit rule, in pieces, or outside the city are dropped. */
async function judge(client: PoolClient, sites: Site[], j: Judging): Promise<Candidate[]> {
  if (sites.length === 0) return [];
  const areas = await loadSites(client, sites);
  const results = await evaluateSites(client, [...j.prohibit, ...j.warn], j.context, areas);
  const passing = new Set(passingSites(j.prohibit, results, areas.keys()));
  const districtRule = j.area.districtRule;
  const { rows } = await client.query<{
    site_no: number;
    geometry: Record<string, unknown>;
    polygons: number;
    area_m2: number;
    perimeter_m: number;
    land_use: { code: string | null; areaM2: number }[];
    district: { code: string | null; name: string | null } | null;
    outside_city_m2: number;
  }>(SQL.describe, [
    j.versionIdsOf(j.planRule.layers),
    j.planRule.params.codeAttribute,
    districtRule ? j.versionIdsOf(districtRule.layers) : [],
    districtRule?.params.codeAttribute ?? '',
    districtRule?.params.nameAttribute ?? '',
    j.versionIdsOf([j.ruleSet.cityBoundaryLayer]),
    sites.flatMap((site, i) => site.parcelIds.map(() => i)),
    sites.flatMap((site) => site.parcelIds),
  ]);
  const keys = await parcelKeys(
    client,
    sites.flatMap((s) => s.parcelIds),
  );
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const site = sites[row.site_no]!;
    if (!passing.has(row.site_no) || row.polygons !== 1 || row.outside_city_m2 > OUTSIDE_CITY_TOLERANCE_M2)
      continue;
    const warnings = j.warn
      .map((rule) => ({ rule, result: results.get(rule.id)!.get(row.site_no)! }))
      .filter(({ result }) => !result.passed)
      .map(({ rule, result }) => ({
        ruleId: rule.id,
        title: rule.title,
        kind: rule.kind,
        areaM2: result.areaM2,
        ratio: result.ratio,
        distanceM: result.distanceM,
      }));
    const fit = candidateFit({
      requiredM2: j.requiredM2,
      areaM2: row.area_m2,
      perimeterM: row.perimeter_m,
      warnings: warnings.length,
      parcels: site.parcelIds.length,
    });
    candidates.push({
      rank: 0,
      kind: site.parcelIds.length === 1 ? 'parcel' : 'merged',
      parcelIds: site.parcelIds,
      parcelKeys: site.parcelIds.map((id) => keys.get(id) ?? null),
      landUse: row.land_use.map((c) => ({
        code: c.code,
        name: c.code ? (codeEntry('land_use_2023', c.code)?.name ?? null) : null,
        areaM2: Math.round(c.areaM2 * 100) / 100,
      })),
      ...areaUnits(row.area_m2),
      perimeterM: Math.round(row.perimeter_m * 100) / 100,
      district: row.district,
      score: fit.score,
      fit: { areaFit: fit.areaFit, compactness: fit.compactness, warnings: warnings.length },
      why: fit.why,
      warnings,
      geometry: row.geometry,
    });
  }
  return candidates;
}

/** The share of the table's pages to sample so that about SEED_SAMPLE_PARCELS plan parcels are read. */
async function samplePercent(client: PoolClient, planVersions: string[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT coalesce(sum(feature_count), 0)::float8 AS n FROM layer_versions WHERE id = ANY($1::bigint[])',
    [planVersions],
  );
  const parcels = rows[0]!.n;
  return parcels <= SEED_SAMPLE_PARCELS ? 100 : (100 * SEED_SAMPLE_PARCELS) / parcels;
}

async function parcelKeys(client: PoolClient, ids: string[]): Promise<Map<string, string | null>> {
  const { rows } = await client.query<{ id: string; key: string | null }>(
    'SELECT id::text AS id, feature_key AS key FROM layer_features WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.key]));
}
