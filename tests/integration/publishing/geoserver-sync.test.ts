// With GEOSERVER_URL set, the platform keeps GeoServer in step: an upload's new version is published,
// a deleted layer unpublished (against a double of GeoServer's REST API; GeoServer cannot run here).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { importFile } from '../../../importers';
import { createApp, importJobsOf } from '../../../spatial-api';
import { signIn, type SignedIn } from '../../support/access';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { startGeoServerDouble, type GeoServerDouble } from '../../support/geoserver-double';
import { listenOnFreePort } from '../../support/http';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';

jest.mock('node-fetch', () => ({
  __esModule: true,
  default: (...args: Parameters<typeof fetch>) => fetch(...args),
}));
jest.mock('geostyler-sld-parser', () => {
  const { readFileSync: read } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const bundle = read(require.resolve('geostyler-sld-parser/dist/sldStyleParser.iife.js'), 'utf8');
  return new Function(`${bundle}\nreturn GeoStylerSLDParser;`)() as unknown;
});

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
let double: GeoServerDouble;
let server: Awaited<ReturnType<typeof listenOnFreePort>>;
let app: ReturnType<typeof createApp>;
/** uploading, renaming and deleting layers needs layers.manage: the demo planner does it */
let planner: SignedIn;

beforeAll(async () => {
  double = await startGeoServerDouble();
  app = createApp({
    pool,
    config: testAppConfig({
      geoserver: { url: double.url, user: 'admin', password: 'geoserver' },
      databaseUrl: testDatabaseUrl(),
    }),
  });
  server = await listenOnFreePort(app);
  planner = await signIn(server.url, 'planner');
});
afterAll(async () => {
  await importJobsOf(app).settle();
  await server.close();
  await double.close();
  await pool.end();
});

it('publishes a layer when an upload makes a new version, and unpublishes it on delete', async () => {
  const layer = await freshLayer(pool, { prefix: 'gs_sync' });
  const form = new FormData();
  form.append(
    'file',
    new Blob([readFileSync(writeJson(workDir('gs-'), 'v1.geojson', sourceParcels(3)))]),
    'v1.geojson',
  );
  const res = await fetch(`${server.url}/api/v1/layers/${layer}/imports`, {
    method: 'POST',
    headers: planner.headers(),
    body: form,
  });
  expect(res.status).toBe(202);
  await importJobsOf(app).settle();
  const key = `one_blueprint:${layer}`;
  expect(double.catalog.layers.has(key)).toBe(true);
  expect(double.catalog.styles.has(key)).toBe(true);
  expect(
    (await fetch(`${server.url}/api/v1/layers/${layer}`, { method: 'DELETE', headers: planner.headers() }))
      .status,
  ).toBe(204);
  expect(double.catalog.layers.has(key)).toBe(false);
});

it('keeps answering when GeoServer refuses the credentials, and logs the refusal', async () => {
  const other = createApp({
    pool,
    config: testAppConfig({
      geoserver: { url: double.url, user: 'admin', password: 'wrong' },
      databaseUrl: testDatabaseUrl(),
    }),
  });
  const otherServer = await listenOnFreePort(other);
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const layer = await freshLayer(pool, { prefix: 'gs_sync' });
    const dir = workDir('gs-');
    await importFile(pool, {
      layer,
      file: writeJson(dir, 'v1.geojson', sourceParcels(2)),
      rasterDir: path.join(dir, 'r'),
    });
    const from = double.requests.length;
    const res = await fetch(`${otherServer.url}/api/v1/layers/${layer}`, {
      method: 'PATCH',
      headers: planner.headers({ 'content-type': 'application/json' }),
      body: '{"name":"改名"}',
    });
    expect(res.status).toBe(200);
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM layers WHERE code = $1', [layer]);
    expect(rows[0]?.name).toBe('改名');
    // the change did try to publish the layer: GeoServer (the double) saw admin's request and refused it
    const seen = double.requests.slice(from);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ status: 401, user: 'admin' });
    expect(seen.every((r) => r.status === 401)).toBe(true);
    expect(double.catalog.layers.has(`one_blueprint:${layer}`)).toBe(false);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`GeoServer: publishing ${layer} failed`)),
    );
  } finally {
    logged.mockRestore();
    await otherServer.close();
  }
});
