// The map services saturated in-process: several large city-scale GetMaps of the sample city's densest
// layers at once, enough to keep every render thread busy for seconds. Meanwhile /api/v1/health keeps
// answering quickly, and a street-scale GetMap asked for mid-way is answered before the large ones are
// all done: the drawing happens off the server's event loop, and health has a connection of its own.
import http from 'node:http';
import { getMapUrl, serviceException, startWmsServer, type WmsServer } from './wms-server';

/** Large maps asked for at once: more than the render threads, each 36 MiB of canvas. */
const LARGE_MAPS = 6;
const LARGE_PX = 3072;
/** The bound on health's 95th percentile: ten times an idle answer, with room for a loaded 2-core CI box. */
const HEALTH_P95_MS = 250;

let wms: WmsServer;

beforeAll(async () => {
  wms = await startWmsServer();
}, 60_000);

afterAll(async () => {
  await wms?.close();
});

interface Answer {
  status: number;
  type: string;
  body: Buffer;
  startedAt: number;
  endedAt: number;
}

/** A GET on a connection of its own (no pooled socket shared with the other requests). */
function get(url: string): Promise<Answer> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
            startedAt,
            endedAt: performance.now(),
          }),
        );
      })
      .on('error', reject);
  });
}

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? Infinity;

async function extent(code: string): Promise<[number, number, number, number]> {
  const { rows } = await wms.pool.query<{ box: [number, number, number, number] }>(
    `SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS box
     FROM (SELECT ST_Extent(f.geom) AS e FROM layer_features f
           JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = $1) x`,
    [code],
  );
  return rows[0]!.box;
}

it('answers health within bounds and a street map before the city maps, while large maps are drawn', async () => {
  const [west, south, east, north] = await extent('land_use_plan');
  const map = (bbox: number[], size: number) =>
    getMapUrl(wms.url, {
      LAYERS: 'ob:permanent_basic_farmland,ob:land_use_plan',
      CRS: 'EPSG:4490',
      // EPSG:4490 in WMS 1.3.0: latitude first
      BBOX: bbox.join(','),
      WIDTH: size,
      HEIGHT: size,
    });
  const city = map([south, west, north, east], LARGE_PX);
  // about 600 m across, in the middle of the city
  const [midLat, midLon] = [(south + north) / 2, (west + east) / 2];
  const street = map([midLat - 0.0027, midLon - 0.0037, midLat + 0.0027, midLon + 0.0037], 256);

  // warm: the threads started, the catalog read, health's connection open
  expect((await get(street)).status).toBe(200);
  const idleHealth = await get(`${wms.url}/api/v1/health`);
  expect(idleHealth.status).toBe(200);

  const started = performance.now();
  const large = Array.from({ length: LARGE_MAPS }, () => get(city));
  let done = false;
  const allLarge = Promise.all(large).finally(() => (done = true));
  const healthMs: number[] = [];
  const probing = (async () => {
    while (!done) {
      const health = await get(`${wms.url}/api/v1/health`);
      expect(health.status).toBe(200);
      healthMs.push(health.endedAt - health.startedAt);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 700));
  const streetMap = await get(street);
  const answers = await allLarge;
  await probing;

  for (const answer of answers) {
    if (answer.status !== 200) serviceException(answer.body.toString());
    expect(answer).toMatchObject({ status: 200, type: 'image/png' });
  }
  expect(streetMap).toMatchObject({ status: 200, type: 'image/png' });
  const firstLarge = Math.min(...answers.map((a) => a.endedAt));
  const lastLarge = Math.max(...answers.map((a) => a.endedAt));
  const report = {
    largeMapsMs: answers.map((a) => Math.round(a.endedAt - started)),
    streetMs: Math.round(streetMap.endedAt - streetMap.startedAt),
    streetAskedAtMs: Math.round(streetMap.startedAt - started),
    healthProbes: healthMs.length,
    healthP95Ms: Math.round(p95(healthMs)),
    healthMaxMs: Math.round(Math.max(...healthMs)),
  };
  console.log(`render saturation: ${JSON.stringify(report)}`);
  // the services really were saturated for a while, and the street map asked for while they were
  expect(lastLarge - started).toBeGreaterThan(1000);
  expect(streetMap.startedAt).toBeLessThan(firstLarge);
  expect(healthMs.length).toBeGreaterThanOrEqual(10);
  expect(p95(healthMs)).toBeLessThan(HEALTH_P95_MS);
  expect(streetMap.endedAt).toBeLessThan(lastLarge);
}, 120_000);

it("answers health on a connection of its own while every connection of the services' pool is taken", async () => {
  const max = wms.pool.options.max ?? 10;
  const held = await Promise.all(Array.from({ length: max }, () => wms.pool.connect()));
  try {
    expect(wms.pool.idleCount).toBe(0);
    const health = await get(`${wms.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok', database: 'ok' });
    expect(health.endedAt - health.startedAt).toBeLessThan(1000);
  } finally {
    for (const client of held) client.release();
  }
}, 30_000);
