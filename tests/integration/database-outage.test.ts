// PostgreSQL stopped under a running server: requests that need it fail fast with 503 (JSON for the REST
// API and tiles, an exception report for OGC), health says the database is down, and once PostgreSQL is
// back the same server answers again without a restart.
import { createApp, createPool } from '../../spatial-api';
import { migrate } from '../../sql';
import { testAppConfig } from '../support/app-config';
import { listenOnFreePort } from '../support/http';
import { createThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';

let cluster: ThrowawayCluster;
let pool: ReturnType<typeof createPool>;
let server: Awaited<ReturnType<typeof listenOnFreePort>>;

beforeAll(async () => {
  cluster = await createThrowawayCluster();
  pool = createPool(cluster.url, 4);
  await migrate(pool);
  server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  cluster?.destroy();
});

async function timed(
  path: string,
): Promise<{ status: number; ms: number; body: string; retryAfter: string | null }> {
  const started = Date.now();
  const response = await fetch(`${server.url}${path}`);
  const body = await response.text();
  return {
    status: response.status,
    ms: Date.now() - started,
    body,
    retryAfter: response.headers.get('retry-after'),
  };
}

const CAPABILITIES = '/ows?SERVICE=WFS&REQUEST=GetCapabilities';

it('answers 503 fast while PostgreSQL is down and recovers when it is back, without a restart', async () => {
  expect((await timed('/api/v1/layers')).status).toBe(200);
  expect((await timed(CAPABILITIES)).status).toBe(200);
  expect((await timed('/api/v1/health')).status).toBe(200);

  cluster.stop();

  const layers = await timed('/api/v1/layers');
  expect(layers.status).toBe(503);
  expect(layers.ms).toBeLessThan(3500);
  expect(layers.retryAfter).toBe('5');
  expect(JSON.parse(layers.body)).toMatchObject({ error: { code: 'database_unavailable' } });

  const tileJson = await timed('/tiles/land_use_plan.json');
  expect(tileJson.status).toBe(503);
  expect(JSON.parse(tileJson.body)).toMatchObject({ error: { code: 'database_unavailable' } });

  const capabilities = await timed(CAPABILITIES);
  expect(capabilities.status).toBe(503);
  expect(capabilities.retryAfter).toBe('5');
  expect(capabilities.body).toContain('<ows:ExceptionReport');
  expect(capabilities.body).toContain('the database is unavailable');

  const health = await timed('/api/v1/health');
  expect(health.status).toBe(503);
  expect(health.ms).toBeLessThan(3500);
  expect(JSON.parse(health.body)).toMatchObject({ status: 'error', database: 'unavailable' });

  cluster.start();

  expect((await timed('/api/v1/health')).status).toBe(200);
  const again = await timed('/api/v1/layers');
  expect(again.status).toBe(200);
  expect(JSON.parse(again.body)).toHaveProperty('layers');
  expect((await timed(CAPABILITIES)).status).toBe(200);
}, 60_000);
