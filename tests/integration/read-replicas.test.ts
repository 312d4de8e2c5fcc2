// Reads on a hot standby made by pg_basebackup from a cluster of the test's own (DATABASE_REPLICA_URLS):
// a new layer version imported on the primary is served from the standby once replayed; with replay paused
// the standby keeps serving the version it has (proof the reads go there) while a client that has written
// reads the primary's; a standby past the lag bound is skipped; a stopped standby is skipped at once, the
// reads going on from the primary, and health and the metrics say so.
import type { Express } from 'express';
import { Pool } from 'pg';
import { ensureDemoUsers } from '../../accounts';
import { createLayer } from '../../layers';
import { importFile } from '../../importers';
import { createApp, createPool, readPoolOf, recordStoreOf } from '../../spatial-api';
import { migrate } from '../../sql';
import { testAppConfig } from '../support/app-config';
import { signIn } from '../support/access';
import { listenOnFreePort } from '../support/http';
import { sourceParcels, workDir, writeJson } from '../support/import-fixtures';
import { createThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';

const LAYER = 'replica_parcels';
const PASSWORD = 'replica-test-password';
const dir = workDir('replicas-');

let primary: ThrowawayCluster;
let standby: ThrowawayCluster;
let pool: Pool;
let standbyPool: Pool;
const servers: { app: Express; url: string; close(): Promise<void> }[] = [];

/** The server over the primary and the standby, with the given lag bound. */
async function serve(maxLagMs: number) {
  const app = createApp({
    pool,
    config: testAppConfig({ databaseReplicaUrls: [standby.url], replicaMaxLagMs: maxLagMs }),
  });
  const server = await listenOnFreePort(app);
  const running = { app, url: server.url, close: server.close };
  servers.push(running);
  await readPoolOf(app).replicas!.poll();
  return running;
}

async function importVersion(parcels: number): Promise<void> {
  const file = writeJson(dir, `v${parcels}.geojson`, sourceParcels(parcels));
  await importFile(pool, { layer: LAYER, file, rasterDir: dir });
}

/** How many features the layer's current version has, as the features API answers. */
async function served(url: string, cookie?: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/layers/${LAYER}/features?limit=1000`, {
    headers: cookie ? { cookie } : {},
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { features: unknown[] }).features.length;
}

async function replayed(): Promise<void> {
  const { rows } = await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  for (let i = 0; i < 100; i++) {
    const { rows: caught } = await standbyPool.query<{ done: boolean }>(
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
      [rows[0]!.lsn],
    );
    if (caught[0]!.done) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the standby did not catch up');
}

async function health(url: string) {
  return (await (await fetch(`${url}/api/v1/health`)).json()) as {
    replicas: { name: string; state: string; lagBytes: number | null }[];
  };
}

/** /api/v1/metrics as the admin reads it. */
async function metrics(url: string): Promise<string> {
  const admin = await signIn(url, 'admin', PASSWORD);
  return (await fetch(`${url}/api/v1/metrics`, { headers: admin.headers() })).text();
}

/** The read queries per target from /api/v1/metrics. */
async function readQueries(url: string): Promise<Record<string, number>> {
  const text = await metrics(url);
  return Object.fromEntries(
    [...text.matchAll(/^one_blueprint_read_queries\{target="([^"]+)"\} (\d+)/gm)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
}

beforeAll(async () => {
  primary = await createThrowawayCluster();
  pool = createPool(primary.url, 6);
  await migrate(pool);
  await createLayer(pool, {
    code: LAYER,
    name: '备库测试地块',
    kind: 'plan',
    geometryType: 'MultiPolygon',
    public: true,
  });
  await ensureDemoUsers(pool, PASSWORD);
  await importVersion(3);
  standby = await primary.standby();
  standbyPool = new Pool({ connectionString: standby.url, max: 2 });
  standbyPool.on('error', () => undefined); // its connections go when the standby is stopped
}, 120_000);

afterAll(async () => {
  for (const s of servers) {
    await s.close();
    await Promise.all([recordStoreOf(s.app).close(), readPoolOf(s.app).close()]);
  }
  await standbyPool?.end();
  await pool?.end();
  standby?.destroy();
  primary?.destroy();
});

it('serves the layer from the standby, which is ok in health', async () => {
  const { url } = await serve(600_000);
  expect(await served(url)).toBe(3);
  const [replica] = (await health(url)).replicas;
  expect(replica).toMatchObject({ state: 'ok' });
  expect((await readQueries(url))[replica!.name]).toBeGreaterThan(0);
});

it('serves a new version from the standby once replayed, and the version it has while replay is paused', async () => {
  const { url, app } = servers[0]!;
  await importVersion(5);
  await replayed();
  expect(await served(url)).toBe(5);

  await standbyPool.query('SELECT pg_wal_replay_pause()');
  try {
    await importVersion(7);
    // within the (long) lag bound the paused standby still takes reads: it has the 5 parcels
    expect(await served(url)).toBe(5);
    // a client that has written reads what the primary has
    expect(await served(url, 'ob_wrote=1')).toBe(7);
  } finally {
    await standbyPool.query('SELECT pg_wal_replay_resume()');
  }
  // (reading the metrics signs in, a write on the primary: before the standby is caught up and looked at)
  const before = await readQueries(url);
  await replayed();
  await readPoolOf(app).replicas!.poll();
  expect(await served(url, 'ob_wrote=1')).toBe(7);
  const after = await readQueries(url);
  const [replica] = (await health(url)).replicas;
  // once replayed, the writer's reads go to the standby again
  expect(after[replica!.name]).toBeGreaterThan(before[replica!.name] ?? 0);
  expect(after.primary ?? 0).toBe(before.primary ?? 0);
});

it('marks a client that writes through the API', async () => {
  const { url } = servers[0]!;
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
  });
  expect(res.headers.get('set-cookie')).toMatch(/ob_wrote=1;.*HttpOnly/);
  // a read of the map services does not
  const read = await fetch(`${url}/ows?SERVICE=WFS&REQUEST=GetCapabilities`);
  expect(read.headers.get('set-cookie') ?? '').not.toContain('ob_wrote');
});

it('skips a standby past the lag bound', async () => {
  const { url } = await serve(300);
  await standbyPool.query('SELECT pg_wal_replay_pause()');
  try {
    await importVersion(9);
    await new Promise((r) => setTimeout(r, 800));
    await readPoolOf(servers[1]!.app).replicas!.poll();
    expect((await health(url)).replicas[0]).toMatchObject({ state: 'lagging' });
    expect(await served(url)).toBe(9);
  } finally {
    await standbyPool.query('SELECT pg_wal_replay_resume()');
  }
  await replayed();
  await readPoolOf(servers[1]!.app).replicas!.poll();
  expect((await health(url)).replicas[0]).toMatchObject({ state: 'ok' });
});

it('goes on from the primary at once when the standby stops, and says so in health', async () => {
  const { url, app } = servers[0]!;
  standby.stop();
  // before the next look: the failed query on the standby is retried on the primary
  expect(await served(url)).toBe(9);
  await readPoolOf(app).replicas!.poll();
  expect((await health(url)).replicas[0]).toMatchObject({ state: 'down' });
  expect(await served(url)).toBe(9);
  // the standby's name is on the metrics with the state it was found in
  expect(await metrics(url)).toMatch(/one_blueprint_replica_available\{replica="[^"]+",state="down"\} 0/);
});
