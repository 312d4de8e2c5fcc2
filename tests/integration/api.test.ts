// The REST API and vector tiles over HTTP, against the real test database.
import { Pool } from 'pg';
import { createApp, createPool } from '../../spatial-api';
import { signIn } from '../support/access';
import { testDatabaseUrl } from '../support/environment';
import { testAppConfig } from '../support/app-config';
import { listenOnFreePort } from '../support/http';

describe('REST API', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
  });
  afterAll(async () => {
    await server.close();
    await pool.end();
  });

  it('reports health with the PostGIS version and the number of layers', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { layers: number };
    expect(body).toEqual({
      status: 'ok',
      database: 'ok',
      postgis: expect.stringMatching(/^3\./),
      layers: expect.any(Number),
    });
    expect(body.layers).toBeGreaterThanOrEqual(12); // the sample city's, and any a parallel test made
  });

  it('lists the catalog with Chinese names, kinds, extents and tile URLs', async () => {
    // signed in with layers.read, so that the non-public imagery is listed too
    const viewer = await signIn(server.url, 'viewer');
    const { layers } = (await (
      await fetch(`${server.url}/api/v1/layers`, { headers: viewer.headers() })
    ).json()) as {
      layers: Record<string, unknown>[];
    };
    const landUse = layers.find((l) => l.code === 'land_use_plan');
    expect(landUse).toMatchObject({
      name: '控制性详细规划用地',
      kind: 'plan',
      kindName: '各类规划',
      version: 1,
      tiles: '/tiles/land_use_plan/{z}/{x}/{y}.mvt',
      imageTiles: '/tiles/land_use_plan/{z}/{x}/{y}.png',
      imageTilesBelowZoom: null, // ~5,000 parcels: vector tiles at every zoom
    });
    const [minLon, minLat, maxLon, maxLat] = landUse?.extent as number[];
    expect(minLon! < 87.6 && maxLon! > 87.6 && minLat! < 43.8 && maxLat! > 43.8).toBe(true);
    expect(layers.find((l) => l.code === 'imagery_2024')).toMatchObject({
      kind: 'imagery',
      tiles: '/tiles/imagery_2024/{z}/{x}/{y}.png',
    });
  });

  it('answers 404 with a JSON error naming an unknown layer', async () => {
    const res = await fetch(`${server.url}/api/v1/layers/no_such_layer`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 'not_found',
        message: expect.stringContaining('no_such_layer'),
        details: { parameter: 'code', value: 'no_such_layer' },
      },
    });
  });

  it('serves vector tiles of the current version, with an ETag', async () => {
    const res = await fetch(`${server.url}/tiles/land_use_plan/12/3044/1492.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeGreaterThan(1000);
    expect(body.includes(Buffer.from('land_use_plan'))).toBe(true);
    const again = await fetch(`${server.url}/tiles/land_use_plan/12/3044/1492.mvt`, {
      headers: { 'If-None-Match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ['12/4096/1492', 'x'],
    ['23/0/0', 'z'],
    ['12/3044/-1', 'y'],
  ])('refuses tile %s naming %s', async (zxy, parameter) => {
    const res = await fetch(`${server.url}/tiles/land_use_plan/${zxy}.mvt`);
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { details: { parameter: string } } }).error.details.parameter,
    ).toBe(parameter);
  });

  it('serves the CRS definitions the client registers', async () => {
    const { definitions } = (await (await fetch(`${server.url}/api/v1/crs`)).json()) as {
      definitions: { code: string }[];
    };
    expect(definitions.map((d) => d.code)).toEqual(
      expect.arrayContaining(['EPSG:4490', 'EPSG:4538', 'EPSG:4517']),
    );
  });
});

describe('health without a database', () => {
  it('answers 503 with a reason', async () => {
    const pool = createPool('postgres://nobody:x@127.0.0.1:1/none', 1);
    const server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    try {
      const res = await fetch(`${server.url}/api/v1/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: 'error',
        database: 'unavailable',
        reason: expect.stringContaining('ECONNREFUSED'),
      });
    } finally {
      await server.close();
      await pool.end();
    }
  });
});
