// Rule sets in the database: each edit writes a new rule_set_versions row and moves the current pointer in
// one transaction, so a past check can always name (and re-read) the exact version it applied.
import type { Pool } from 'pg';
import { inTransaction, type Queryable } from '../../layers';
import { invalid, notFound } from '../compliance-error';
import { requireKnownLayers } from './rule-set-layers';
import { parseRuleSet, type RuleSet } from './rule-set-schema';

export interface RuleSetSummary {
  code: string;
  name: string;
  districtCode: string | null;
  version: number;
  ruleCount: number;
  updatedAt: string;
}

export interface StoredRuleSet {
  versionId: number;
  version: number;
  createdAt: string;
  createdBy: string | null;
  definition: RuleSet;
}

const LIST = `
SELECT s.code, s.name, s.district_code, v.version_no, jsonb_array_length(v.rules) AS rule_count, v.created_at
FROM rule_sets s JOIN rule_set_versions v ON v.id = s.current_version_id
ORDER BY s.id`;

const READ = `
SELECT v.id, v.version_no, v.created_at, u.username, s.code, s.name, s.district_code, v.rules, v.settings
FROM rule_sets s
JOIN rule_set_versions v ON v.rule_set_id = s.id
LEFT JOIN users u ON u.id = v.created_by
WHERE s.code = $1 AND (CASE WHEN $2::int IS NULL THEN v.id = s.current_version_id ELSE v.version_no = $2 END)`;

const DEFAULT_CODE = `
SELECT code FROM rule_sets WHERE current_version_id IS NOT NULL ORDER BY (district_code IS NOT NULL), id LIMIT 1`;

interface StoredRow {
  id: number;
  version_no: number;
  created_at: Date;
  username: string | null;
  code: string;
  name: string;
  district_code: string | null;
  rules: unknown[];
  settings: Record<string, unknown>;
}

export async function listRuleSets(db: Queryable): Promise<RuleSetSummary[]> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    district_code: string | null;
    version_no: number;
    rule_count: number;
    created_at: Date;
  }>(LIST);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    districtCode: r.district_code,
    version: r.version_no,
    ruleCount: r.rule_count,
    updatedAt: r.created_at.toISOString(),
  }));
}

/** The current version of a rule set (or a given version); `not_found` when there is none. */
export async function readRuleSet(db: Queryable, code: string, version?: number): Promise<StoredRuleSet> {
  const { rows } = await db.query<StoredRow>(READ, [code, version ?? null]);
  const row = rows[0];
  if (!row)
    throw notFound(`规则集不存在 / no rule set "${code}"${version ? ` version ${version}` : ''}`, {
      parameter: 'ruleSet',
      value: code,
    });
  return {
    versionId: row.id,
    version: row.version_no,
    createdAt: row.created_at.toISOString(),
    createdBy: row.username,
    definition: parseRuleSet({
      code: row.code,
      name: row.name,
      districtCode: row.district_code,
      ...row.settings,
      rules: row.rules,
    }),
  };
}

export interface RuleSetVersionSummary {
  version: number;
  ruleCount: number;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
}

const VERSIONS = `
SELECT v.version_no, jsonb_array_length(v.rules) AS rule_count, v.created_at, u.username,
       v.id = s.current_version_id AS current
FROM rule_sets s
JOIN rule_set_versions v ON v.rule_set_id = s.id
LEFT JOIN users u ON u.id = v.created_by
WHERE s.code = $1
ORDER BY v.version_no DESC`;

/** Every version of a rule set, newest first, so an editor can see and reopen its history. */
export async function listRuleSetVersions(db: Queryable, code: string): Promise<RuleSetVersionSummary[]> {
  const { rows } = await db.query<{
    version_no: number;
    rule_count: number;
    created_at: Date;
    username: string | null;
    current: boolean;
  }>(VERSIONS, [code]);
  if (rows.length === 0)
    throw notFound(`规则集不存在 / no rule set "${code}"`, { parameter: 'ruleSet', value: code });
  return rows.map((r) => ({
    version: r.version_no,
    ruleCount: r.rule_count,
    createdAt: r.created_at.toISOString(),
    createdBy: r.username,
    current: r.current,
  }));
}

/** The rule set a check applies when none is named: the first city-wide one. */
export async function defaultRuleSetCode(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ code: string }>(DEFAULT_CODE);
  if (!rows[0]) throw notFound('尚未配置审查规则集 / no rule set is configured', { parameter: 'ruleSet' });
  return rows[0].code;
}

/**
 * Validates a rule set (schema, then that every layer exists) and stores it as the next version of `code`,
 * creating the rule set on its first save.
 */
export async function saveRuleSet(
  pool: Pool,
  code: string,
  input: unknown,
  userId: number | null,
): Promise<StoredRuleSet> {
  const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (body.code !== undefined && body.code !== code)
    throw invalid(`规则集编码与地址不一致 / code must be "${code}" as in the path`, { path: 'code' });
  const set = parseRuleSet({ ...body, code });
  await inTransaction(pool, async (client) => {
    await requireKnownLayers(client, set);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO rule_sets (code, name, district_code) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, district_code = EXCLUDED.district_code
       RETURNING id`,
      [set.code, set.name, set.districtCode],
    );
    const ruleSetId = rows[0]!.id;
    // the row lock serialises concurrent edits of one rule set, so version numbers never collide
    await client.query('SELECT 1 FROM rule_sets WHERE id = $1 FOR UPDATE', [ruleSetId]);
    const settings = { cityBoundaryLayer: set.cityBoundaryLayer, maxSiteAreaM2: set.maxSiteAreaM2 };
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO rule_set_versions (rule_set_id, version_no, rules, settings, created_by)
       SELECT $1, coalesce(max(version_no), 0) + 1, $2::jsonb, $3::jsonb, $4
       FROM rule_set_versions WHERE rule_set_id = $1
       RETURNING id`,
      [ruleSetId, JSON.stringify(set.rules), JSON.stringify(settings), userId],
    );
    await client.query('UPDATE rule_sets SET current_version_id = $2 WHERE id = $1', [
      ruleSetId,
      inserted.rows[0]!.id,
    ]);
  });
  return readRuleSet(pool, code);
}
