// Compliance benchmarks on the benchmark city (`--scale 100`): a 10-hectare site checked against every rule
// of the sample rule set over `POST /api/v1/compliance/checks`, one request at a time and from 8 clients at
// once, against the same rule SQL run by hand (the very statements the evaluator sends, recorded once, in
// one REPEATABLE READ transaction on plain connections); and the PDF report of that check. The clients of
// both sides run in a worker thread (check-clients.ts), apart from our server's event loop.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client, type Pool, type QueryResult, type QueryResultRow } from 'pg';
import { ensureDemoUsers } from '../accounts';
import { ensureSampleRuleSet, readRuleSet, type Rule } from '../compliance-rules';
import { evaluateRule } from '../compliance-rules/kinds';
import { prepareSite } from '../compliance-rules/site/prepare-site';
import { parseSiteGeometry } from '../compliance-rules/site/site-input';
import type { Queryable } from '../layers';
import { SESSION_OPTIONS } from '../spatial-api';
import type { BenchRow } from './import-cases';
import type { ClientsAnswer, ClientsSetup, ClientsTask, Statement } from './check-clients';
import { startServeProcesses } from './load-server';
import { ensureCity, startOurServer, type OurServer } from './ows-setup';
import { formatTiming, summarise, type Timing } from './timing';

type Case = (pool: Pool, databaseUrl: string, work: string) => Promise<BenchRow>;

const RULE_SET = 'sample_city';
const SITE_AREA_M2 = 100_000;
const CONCURRENCY = 8;
const TARGET_MEDIAN_MS = 150;
const TARGET_RATIO = 1.5;
const TARGET_PDF_MS = 3000;

interface ComplianceSetup {
  server: OurServer;
  databaseUrl: string;
  /** the benchmark's data directory (imagery), for a server started apart */
  dataDir: string;
  headers: Record<string, string>;
  site: { type: 'Polygon'; coordinates: number[][][] };
  siteNote: string;
  statements: Statement[];
  clients: ClientsThread;
  runId: string | null;
  close(): Promise<void>;
}

/**
 * The benchmark site: a square of 10 ha centred on the point of the urban development boundary nearest to
 * the river's blue line inside the city, so that every kind has something to find (the part outside the
 * boundary, plan parcels of several classes, the setback, districts) rather than answering from an empty
 * index probe.
 */
async function chooseSite(pool: Pool): Promise<{ lon: number; lat: number }> {
  const { rows } = await pool.query<{ lon: number; lat: number }>(
    `WITH cur AS (SELECT code, current_version_id AS v FROM layers WHERE code IN ('urban_development_boundary', 'blue_line')),
     b AS (SELECT ST_Boundary(f.geom) AS g FROM layer_features f JOIN cur ON cur.v = f.layer_version_id
           WHERE cur.code = 'urban_development_boundary' ORDER BY ST_Area(f.geom) DESC LIMIT 1),
     r AS (SELECT f.geom AS g FROM layer_features f JOIN cur ON cur.v = f.layer_version_id WHERE cur.code = 'blue_line')
     SELECT ST_X(p) AS lon, ST_Y(p) AS lat
     FROM (SELECT ST_ClosestPoint(b.g, r.g) AS p, ST_Distance(b.g, r.g) AS d FROM b, r ORDER BY d LIMIT 1) x`,
  );
  if (!rows[0]) throw new Error('the bench city has no urban development boundary or blue line');
  return rows[0];
}

function squareOf(lon: number, lat: number, areaM2: number): ComplianceSetup['site'] {
  const half = Math.sqrt(areaM2) / 2;
  const dLat = half / 111_132;
  const dLon = half / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}

/** A connection that runs what it is given and keeps the statements. */
function recording(client: Client, into: Statement[]): Queryable {
  return {
    query<R extends QueryResultRow>(text: string, values: unknown[] = []): Promise<QueryResult<R>> {
      into.push({ text, values });
      return client.query<R>(text, values);
    },
  };
}

/** The statements the evaluator runs for the site: the site's preparation, then one query per rule. */
async function recordRuleSql(
  databaseUrl: string,
  site: unknown,
): Promise<{ statements: Statement[]; rules: Rule[] }> {
  const client = new Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const stored = await readRuleSet(client, RULE_SET);
    const ruleSet = stored.definition;
    const codes = [...new Set([ruleSet.cityBoundaryLayer, ...ruleSet.rules.flatMap((r) => r.layers)])];
    const { rows } = await client.query<{ code: string; id: string }>(
      'SELECT code, current_version_id::text AS id FROM layers WHERE code = ANY($1::text[])',
      [codes],
    );
    const versions = new Map(rows.map((r) => [r.code, r.id]));
    const statements: Statement[] = [];
    const db = recording(client, statements);
    const prepared = await prepareSite(db, parseSiteGeometry(site), 'EPSG:4490', {
      cityVersionId: versions.get(ruleSet.cityBoundaryLayer)!,
      maxSiteAreaM2: ruleSet.maxSiteAreaM2,
    });
    const context = {
      site: prepared,
      versionIdsOf: (layers: string[]) => layers.map((code) => versions.get(code)!),
      projectType: '房屋建筑工程',
      checkedOn: new Date().toISOString().slice(0, 10),
    };
    for (const rule of ruleSet.rules) await evaluateRule(db, rule, context);
    await client.query('COMMIT');
    return { statements, rules: ruleSet.rules };
  } finally {
    await client.end();
  }
}

/** With BENCH_EXPLAIN=1: the plan and timing of every recorded statement (where the time goes). */
async function explain(databaseUrl: string, statements: Statement[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  await client.connect();
  try {
    for (const [i, s] of statements.entries()) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`,
        s.values,
      );
      console.log(
        `» statement ${i + 1}: ${s.text.split('\n')[0]}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`,
      );
    }
  } finally {
    await client.end();
  }
}

async function signInReviewer(server: OurServer): Promise<Record<string, string>> {
  const password = `Bench-${randomBytes(9).toString('base64url')}`;
  // the demo users of the bench database get a password of this run's
  await ensureDemoUsers(server.pool, password);
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password }),
  });
  if (res.status !== 200) throw new Error(`signing in as reviewer: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

interface ClientsThread {
  run(task: ClientsTask): Promise<{ ours: Timing; peer: Timing; runId: string | null }>;
  close(): Promise<void>;
}

/** The worker thread of both sides' clients (check-clients.ts), ready to take tasks one at a time. */
async function startClients(setup: ClientsSetup): Promise<ClientsThread> {
  // tsx compiles the worker's TypeScript as it does the main thread's
  const worker = new Worker(
    `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'check-clients.ts'))});`,
    { eval: true, workerData: setup },
  );
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: unknown) => {
        worker.off('error', onError);
        resolve(message);
      });
    });
  if ((await next()) !== 'ready') throw new Error('the benchmark clients did not start');
  return {
    async run(task) {
      const answer = next() as Promise<ClientsAnswer>;
      worker.postMessage(task);
      const result = await answer;
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    async close() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}

async function setUp(pool: Pool, databaseUrl: string, work: string): Promise<ComplianceSetup> {
  const features = await ensureCity(pool, databaseUrl, path.dirname(work));
  await ensureSampleRuleSet(pool);
  const centre = await chooseSite(pool);
  const site = squareOf(centre.lon, centre.lat, SITE_AREA_M2);
  const { statements, rules } = await recordRuleSql(databaseUrl, site);
  if (process.env.BENCH_EXPLAIN === '1') await explain(databaseUrl, statements);
  const server = await startOurServer(databaseUrl, work);
  const headers = await signInReviewer(server);
  const clients = await startClients({
    checksUrl: `${server.url}/api/v1/compliance/checks`,
    headers,
    body: JSON.stringify({ geometry: site, projectType: '房屋建筑工程', ruleSet: RULE_SET }),
    databaseUrl,
    sessionOptions: SESSION_OPTIONS,
    statements,
    connections: CONCURRENCY,
  });
  const kinds = [...new Set(rules.map((r) => r.kind))];
  return {
    server,
    databaseUrl,
    dataDir: path.dirname(work),
    headers,
    site,
    siteNote: `${features.toLocaleString('en')} land_use_plan parcels; site 10 ha square at ${centre.lon.toFixed(5)}E ${centre.lat.toFixed(5)}N; ${rules.length} rules of ${kinds.length} kinds (${kinds.join(', ')}); peer: ${statements.length} statements`,
    statements,
    clients,
    runId: null,
    close: async () => {
      await clients.close();
      await server.close();
    },
  };
}

async function postCheck(setup: ComplianceSetup): Promise<{ id: string; verdict: string }> {
  const res = await fetch(`${setup.server.url}/api/v1/compliance/checks`, {
    method: 'POST',
    headers: setup.headers,
    body: JSON.stringify({ geometry: setup.site, projectType: '房屋建筑工程', ruleSet: RULE_SET }),
  });
  const text = await res.text();
  if (res.status !== 201)
    throw new Error(`POST /compliance/checks: HTTP ${res.status}: ${text.slice(0, 400)}`);
  return JSON.parse(text) as { id: string; verdict: string };
}

function checkRow(name: string, ours: Timing, peer: Timing, note: string): BenchRow {
  const ratio = ours.medianMs / peer.medianMs;
  return {
    name,
    ours: formatTiming(ours),
    peer: `${formatTiming(peer)} (the rule SQL by hand)`,
    ratio,
    note: `${note}; targets: median < ${TARGET_MEDIAN_MS} ms ${ours.medianMs < TARGET_MEDIAN_MS ? 'met' : 'MISSED'}, ≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`,
  };
}

const sequentialChecks = async (setup: ComplianceSetup): Promise<BenchRow> => {
  const runs = 40;
  const { ours, peer, runId } = await setup.clients.run({ kind: 'sequential', runs, warmUp: 3 });
  setup.runId = runId ?? setup.runId;
  return checkRow(
    'compliance check, 10 ha site, one at a time',
    ours,
    peer,
    `${runs} checks; ${setup.siteNote}`,
  );
};

const concurrentChecks = async (setup: ComplianceSetup): Promise<BenchRow> => {
  const total = 80;
  const { ours, peer } = await setup.clients.run({ kind: 'concurrent', clients: CONCURRENCY, total });
  return checkRow(
    `compliance check, 10 ha site, ${CONCURRENCY} clients at once`,
    ours,
    peer,
    `${total} checks per side, latency per check; server pool 10 connections, peer ${CONCURRENCY} connections`,
  );
};

/** The same 8 clients against our server as `npm start` runs it: one process per core sharing the port. */
const deployedConcurrentChecks = async (setup: ComplianceSetup): Promise<BenchRow> => {
  const total = 80;
  const processes = availableParallelism();
  const served = await startServeProcesses(setup.databaseUrl, setup.dataDir, processes);
  try {
    const { ours, peer } = await setup.clients.run({
      kind: 'concurrent',
      clients: CONCURRENCY,
      total,
      checksUrl: `${served.url}/api/v1/compliance/checks`,
    });
    return checkRow(
      `compliance check, 10 ha site, ${CONCURRENCY} clients at once, ${processes} server processes`,
      ours,
      peer,
      `${total} checks per side, latency per check; our server as \`npm start\` runs it (scripts/serve.ts, ${processes} processes, pool 10 each), peer ${CONCURRENCY} connections`,
    );
  } finally {
    await served.stop();
  }
};

const pdfReport = async (setup: ComplianceSetup): Promise<BenchRow> => {
  const runId = setup.runId ?? (await postCheck(setup)).id;
  const url = `${setup.server.url}/api/v1/compliance/checks/${runId}/report.pdf`;
  const samples: number[] = [];
  let bytes = 0;
  let first = NaN;
  for (let i = 0; i < 8; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(url, { headers: setup.headers });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 200)
      throw new Error(`report.pdf: HTTP ${res.status}: ${body.toString('utf8', 0, 400)}`);
    if (i === 0) first = ms;
    else samples.push(ms);
    bytes = body.length;
  }
  const ours = summarise(samples);
  return {
    name: 'compliance report PDF of that check (A4, maps by the WMS renderer)',
    ours: formatTiming(ours),
    peer: `target ${TARGET_PDF_MS} ms`,
    ratio: ours.medianMs / TARGET_PDF_MS,
    note: `ratio is to the target, not a peer; first request after start ${first.toFixed(0)} ms; ${samples.length} requests after it; PDF ${(bytes / 1024).toFixed(0)} KiB; target < ${TARGET_PDF_MS} ms ${ours.p95Ms < TARGET_PDF_MS ? 'met' : 'MISSED'} (p95)`,
  };
};

const SPECS: ((setup: ComplianceSetup) => Promise<BenchRow>)[] = [
  sequentialChecks,
  concurrentChecks,
  deployedConcurrentChecks,
  pdfReport,
];

let shared: Promise<ComplianceSetup> | undefined;

export const complianceCases: Case[] = SPECS.map((spec, index) => async (pool, databaseUrl, work) => {
  shared ??= setUp(pool, databaseUrl, work);
  const setup = await shared;
  try {
    return await spec(setup);
  } finally {
    if (index === SPECS.length - 1) {
      shared = undefined;
      await setup.close();
    }
  }
});
