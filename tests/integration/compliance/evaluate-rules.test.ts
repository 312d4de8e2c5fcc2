// A check's rules evaluated together: on the check's own connection and on idle connections of the pool
// joining the check's exported snapshot. The borrowed connections read what the check's transaction reads
// (not a feature committed after the check began), give the outcomes the rules give one after another, and
// go back to the pool.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { parseRuleSet, type Rule } from '../../../compliance-rules';
import { evaluateRules } from '../../../compliance-rules/runs/evaluate-rules';
import { prepareSite } from '../../../compliance-rules/site/prepare-site';
import { parseSiteGeometry } from '../../../compliance-rules/site/site-input';
import type { EvaluationContext } from '../../../compliance-rules/kinds';
import { importFile } from '../../../importers';
import { square } from '../../support/compliance-checks';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
const site = square(87.56, 43.79, 100);
let layer: string;
let versionId: string;
let cityVersionId: string;
let rules: Rule[];

async function currentVersion(code: string): Promise<string> {
  const { rows } = await server.pool.query<{ id: string }>(
    'SELECT current_version_id::text AS id FROM layers WHERE code = $1',
    [code],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  layer = await freshLayer(server.pool, { prefix: 'rules_together' });
  const dir = workDir('rules-together-');
  await importFile(server.pool, {
    layer,
    file: writeJson(dir, 'parcels.geojson', sourceParcels(4)),
    rasterDir: path.join(dir, 'r'),
  });
  versionId = await currentVersion(layer);
  cityVersionId = await currentVersion('city_boundary');
  rules = parseRuleSet({
    code: 'rules_together',
    name: '并行评估测试',
    districtCode: null,
    cityBoundaryLayer: 'city_boundary',
    maxSiteAreaM2: 100_000_000,
    rules: Array.from({ length: 6 }, (_, i) => ({
      id: `not-on-layer-${i + 1}`,
      title: `不得占用测试图层 ${i + 1}`,
      legalBasis: '测试',
      kind: 'must_not_intersect',
      severity: 'prohibit',
      layers: [layer],
      params: { toleranceM2: 0.01 },
    })),
  }).rules;
});

/** A check's transaction as runCheck opens it: REPEATABLE READ, its snapshot exported, the site prepared. */
async function beginCheck(): Promise<{ client: PoolClient; snapshot: string; context: EvaluationContext }> {
  const client = await server.pool.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
  const prepared = await prepareSite(client, parseSiteGeometry(site), 'EPSG:4490', {
    cityVersionId,
    maxSiteAreaM2: 100_000_000,
  });
  return {
    client,
    snapshot: rows[0]!.snapshot,
    context: {
      site: prepared,
      versionIdsOf: (layers) => layers.map(() => versionId),
      projectType: null,
      checkedOn: '2026-12-02',
    },
  };
}

async function endCheck(client: PoolClient): Promise<void> {
  await client.query('COMMIT');
  client.release();
}

it('reads the check’s snapshot on the borrowed connections, and gives what one connection gives', async () => {
  const early = await beginCheck();
  // a feature over the site, committed after the check began: no rule of that check may see it
  await server.pool.query(
    `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
     VALUES ($1, 'late', '{}', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4490)))`,
    [versionId, JSON.stringify(site)],
  );
  const idle = server.pool.idleCount;
  const connect = jest.spyOn(server.pool, 'connect');
  try {
    const together = await evaluateRules(server.pool, early.client, early.snapshot, rules, early.context);
    expect(connect).toHaveBeenCalledTimes(Math.min(availableParallelism() - 1, idle, rules.length - 1));
    expect(together.map((o) => o.passed)).toEqual(rules.map(() => true));
  } finally {
    connect.mockRestore();
    await endCheck(early.client);
  }
  // a check begun now sees it, whether its rules run together or one after another
  const late = await beginCheck();
  try {
    const together = await evaluateRules(server.pool, late.client, late.snapshot, rules, late.context);
    const alone = await evaluateRules(server.pool, late.client, null, rules, late.context);
    expect(together.map((o) => o.passed)).toEqual(rules.map(() => false));
    expect(together).toEqual(alone);
    expect(together[0]!.features).toEqual([expect.objectContaining({ key: 'late', layer })]);
  } finally {
    await endCheck(late.client);
  }
  // every borrowed connection went back
  expect(server.pool.totalCount - server.pool.idleCount).toBe(0);
});
