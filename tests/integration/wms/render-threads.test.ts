// The render threads GetMap draws on: a thread that dies answers its map with the usual exception report
// and another takes its place; a map its client gives up on, or past WMS_MAX_RENDERING_MS, is dropped
// from its thread; maps past RENDER_MAPS_PER_THREAD wait in line; the threads close with the server; they
// run niced, the process's own thread not.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { getPriority } from 'node:os';
import { Pool } from 'pg';
import { createApp, healthPoolOf, renderPoolOf, type AppConfig } from '../../../spatial-api';
import type { RenderPool } from '../../../spatial-api/render-workers/render-pool';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { getMapUrl, serviceException } from './wms-server';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
const closers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const close of closers) await close();
  await pool.end();
});

async function serve(overrides: Partial<AppConfig> = {}): Promise<{ url: string; renders: RenderPool }> {
  const app = createApp({ pool, config: testAppConfig(overrides) });
  const server = await listenOnFreePort(app);
  closers.push(async () => {
    await server.close();
    await renderPoolOf(app).close();
    await healthPoolOf(app).end();
  });
  return { url: server.url, renders: renderPoolOf(app) };
}

/** A large map of the whole of the sample city's densest layers: seconds of drawing. */
async function cityMap(url: string): Promise<string> {
  const { rows } = await pool.query<{ box: [number, number, number, number] }>(
    `SELECT json_build_array(ST_YMin(e), ST_XMin(e), ST_YMax(e), ST_XMax(e)) AS box
     FROM (SELECT ST_Extent(f.geom) AS e FROM layer_features f
           JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = 'land_use_plan') x`,
  );
  return getMapUrl(url, {
    LAYERS: 'ob:permanent_basic_farmland,ob:land_use_plan',
    CRS: 'EPSG:4490',
    BBOX: rows[0]!.box.join(','),
    WIDTH: 3072,
    HEIGHT: 3072,
  });
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

it('answers a map whose thread dies with an exception report, and draws the next on a new thread', async () => {
  const { url, renders } = await serve();
  expect(
    (await fetch(getMapUrl(url, { LAYERS: 'ob:land_use_plan', CRS: 'EPSG:3857', BBOX: '0,0,1,1' }))).status,
  ).toBe(200);
  const started = renders.stats().started;
  const answer = fetch(await cityMap(url));
  await until(() => renders.stats().drawing > 0);
  await renders.stopThread(0);
  await renders.stopThread(0);
  const res = await answer;
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(serviceException(body).code).toBe('NoApplicableCode');
  // as any internal failure: the cause in the server's log, the request id in the answer
  expect(body).toContain('internal error, request id');
  expect(renders.stats().jobs).toBe(0);

  const next = await fetch(await cityMap(url));
  expect(next.status).toBe(200);
  expect(next.headers.get('content-type')).toBe('image/png');
  expect(renders.stats().started).toBeGreaterThan(started);
}, 60_000);

it('drops a map from its thread when its client goes away', async () => {
  const { url, renders } = await serve();
  const request = http.get(await cityMap(url), { agent: false });
  request.on('error', () => undefined);
  // its rows read, the map handed to its thread to draw
  await until(() => renders.stats().drawing > 0);
  const gone = performance.now();
  request.destroy();
  await until(() => renders.stats().jobs === 0);
  // long before the map would have been drawn
  expect(performance.now() - gone).toBeLessThan(500);
}, 60_000);

it('drops a map from its thread past WMS_MAX_RENDERING_MS, with the time-limit exception', async () => {
  const defaults = testAppConfig().wmsLimits;
  const { url, renders } = await serve({ wmsLimits: { ...defaults, maxRenderingMs: 400 } });
  const res = await fetch(await cityMap(url));
  expect(res.status).toBe(503);
  expect(serviceException(await res.text()).code).toBe('NoApplicableCode');
  expect(renders.stats().jobs).toBe(0);
}, 60_000);

/** Nice values of this process's threads (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

it('runs its render threads at RENDER_THREAD_NICE and leaves the process thread as it was', async () => {
  const before = threadNiceValues().filter((nice) => nice === 13).length;
  const { url, renders } = await serve({ renderThreads: 2, renderThreadNice: 13 });
  expect(
    (await fetch(getMapUrl(url, { LAYERS: 'ob:land_use_plan', CRS: 'EPSG:3857', BBOX: '0,0,1,1' }))).status,
  ).toBe(200);
  renders.warm();
  await until(() => threadNiceValues().filter((nice) => nice === 13).length - before === 2);
  expect(getPriority()).toBe(0);
}, 60_000);

it('takes on RENDER_MAPS_PER_THREAD maps a thread at once, the rest waiting in line', async () => {
  const { url, renders } = await serve({ renderThreads: 2, renderMapsPerThread: 1 });
  // seconds each: the places stay taken while the rest arrive
  const city = await cityMap(url);
  let mostJobs = 0;
  let mostQueued = 0;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const { jobs, queued } = renders.stats();
      mostJobs = Math.max(mostJobs, jobs);
      mostQueued = Math.max(mostQueued, queued);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  const maps = [0, 1, 2, 3].map(async () => {
    const res = await fetch(city);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
  // one more that its client gives up while it waits: it leaves the line
  await until(() => renders.stats().queued >= 2);
  const givenUp = http.get(city, { agent: false });
  givenUp.on('error', () => undefined);
  await until(() => renders.stats().queued >= 3);
  givenUp.destroy();
  await until(() => renders.stats().queued <= 2);
  await Promise.all(maps);
  watching = false;
  await watch;
  // never more than a map a thread; the line's order itself is tests/unit/wait-line.test.ts's
  expect(mostJobs).toBe(2);
  expect(mostQueued).toBeGreaterThanOrEqual(3);
  expect(renders.stats()).toMatchObject({ jobs: 0, queued: 0 });
}, 60_000);
