// WMS resource limits (as GeoServer's): too many LAYERS or too much rendering memory is refused at once
// with an exception naming the parameter, gdalwarp children are bounded by GDAL_MAX_PROCESSES across
// requests, and a GetMap past WMS_MAX_RENDERING_MS or aborted by its client leaves no gdalwarp running.
import { execFile } from 'node:child_process';
import http from 'node:http';
import { Pool } from 'pg';
import { createApp, gdalProcessesOf, type AppConfig } from '../../../spatial-api';
import { issueTestKey } from '../../support/access';
import type { ChildProcessPool } from '../../../spatial-api/child-process-pool';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { imageryBox } from './sample-points';
import { getMapUrl, serviceException } from './wms-server';

/** The gdalwarp processes this test process (and the server in it) has running now. */
function gdalwarpChildren(): Promise<number> {
  return new Promise((resolve) => {
    execFile('pgrep', ['-c', '-P', String(process.pid), '-x', 'gdalwarp'], (_error, stdout) =>
      resolve(Number(stdout.trim()) || 0),
    );
  });
}

/** How long /api/v1/health takes to answer, on a connection of its own. */
function healthMs(base: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/v1/health`, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - start));
      })
      .on('error', reject);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The median /api/v1/health time of a few probes, before any map is asked for. */
async function baselineHealthMs(base: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await healthMs(base));
  return median(times);
}

/** Samples gdalwarp children and /api/v1/health times until stopped. */
function watch(base: string) {
  let stopped = false;
  let mostChildren = 0;
  const healthTimes: number[] = [];
  const sampling = (async () => {
    while (!stopped) {
      mostChildren = Math.max(mostChildren, await gdalwarpChildren());
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const probing = (async () => {
    while (!stopped) {
      healthTimes.push(await healthMs(base));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    stopped = true;
    await Promise.all([sampling, probing]);
    return { mostChildren, medianHealthMs: median(healthTimes) };
  };
}

async function noGdalwarpWithin(ms: number): Promise<number> {
  const until = performance.now() + ms;
  let left = await gdalwarpChildren();
  while (left > 0 && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = await gdalwarpChildren();
  }
  return left;
}

/**
 * Bounds for a shared 2-core machine that other work also loads: the unbounded server answered the 40-layer
 * map 500 after 30 s, and health took 2.6 s while its gdalwarp children ran. Health "stays fast" when its
 * median time while maps are drawn stays within a small multiple of its time before.
 */
const PROMPT_MS = 5000;
const healthy = (baselineMs: number) => 3 * baselineMs + 500;

describe('WMS resource limits', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  let box: [number, number, number, number];
  const servers: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    box = await imageryBox(pool);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await pool.end();
  });

  let gdal: ChildProcessPool;
  // the imagery is not public: the requests carry a key that reads it
  let key = '';
  async function serve(overrides: Partial<AppConfig>): Promise<string> {
    key ||= await issueTestKey(pool, { name: 'resource limits' });
    const app = createApp({ pool, config: testAppConfig(overrides) });
    gdal = gdalProcessesOf(app);
    const server = await listenOnFreePort(app);
    servers.push(server);
    return server.url;
  }

  /** An EPSG:4490 (latitude first) box of the imagery, the n-th of a row of slightly shifted windows. */
  const imageryWindow = (n = 0) => {
    const [minX, minY, maxX, maxY] = box;
    const shift = ((maxX - minX) / 50) * n;
    return [minY, minX + shift, maxY, maxX - (maxX - minX) / 2 + shift].join(',');
  };

  it('refuses 40 × imagery at 4096×4096 promptly with a LAYERS exception, no gdalwarp run and health fast', async () => {
    const base = await serve({ gdalMaxProcesses: 2 });
    const baseline = await baselineHealthMs(base);
    const stop = watch(base);
    const start = performance.now();
    const res = await fetch(
      getMapUrl(base, {
        apikey: key,
        LAYERS: Array.from({ length: 40 }, () => 'ob:imagery_2024').join(','),
        CRS: 'EPSG:4490',
        BBOX: imageryWindow(),
        WIDTH: 4096,
        HEIGHT: 4096,
      }),
    );
    const body = await res.text();
    const tookMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { mostChildren, medianHealthMs } = await stop();
    expect(res.status).toBe(400);
    expect(serviceException(body)).toEqual({ code: 'InvalidParameterValue', locator: 'LAYERS' });
    expect(body).toContain('10');
    expect(tookMs).toBeLessThan(PROMPT_MS);
    expect(mostChildren).toBe(0);
    expect(gdal.stats().started).toBe(0);
    expect(medianHealthMs).toBeLessThan(healthy(baseline));
  });

  it('refuses a map over WMS_MAX_REQUEST_MEMORY with an exception naming WIDTH', async () => {
    const base = await serve({
      wmsLimits: { maxLayers: 10, maxRequestMemoryBytes: 4 * 1024 ** 2, maxRenderingMs: 60_000 },
    });
    const url = (width: number, layers: string) =>
      getMapUrl(base, {
        apikey: key,
        LAYERS: layers,
        CRS: 'EPSG:4490',
        BBOX: imageryWindow(),
        WIDTH: width,
        HEIGHT: 512,
      });
    // 2048 × 512 × 4 bytes = 4 MiB: one canvas fits, a canvas and an imagery window do not
    const vectorOnly = await fetch(url(2048, 'ob:land_use_plan'));
    expect(vectorOnly.status).toBe(200);
    await vectorOnly.arrayBuffer();
    const withImagery = await fetch(url(2048, 'ob:land_use_plan,ob:imagery_2024'));
    expect(withImagery.status).toBe(400);
    expect(serviceException(await withImagery.text())).toEqual({
      code: 'InvalidParameterValue',
      locator: 'WIDTH',
    });
  });

  it('runs at most GDAL_MAX_PROCESSES gdalwarp at once across requests, warps a layer repeated in LAYERS once, health fast', async () => {
    const base = await serve({
      gdalMaxProcesses: 1,
      wmsLimits: { maxLayers: 40, maxRequestMemoryBytes: 1024 ** 3, maxRenderingMs: 60_000 },
    });
    const baseline = await baselineHealthMs(base);
    const stop = watch(base);
    const maps = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const layers =
          n === 0 ? Array.from({ length: 40 }, () => 'ob:imagery_2024').join(',') : 'ob:imagery_2024';
        const res = await fetch(
          getMapUrl(base, {
            apikey: key,
            LAYERS: layers,
            CRS: 'EPSG:4490',
            BBOX: imageryWindow(n),
            WIDTH: 512,
            HEIGHT: 512,
          }),
        );
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const { mostChildren, medianHealthMs } = await stop();
    expect(maps).toEqual([200, 200, 200, 200]);
    expect(mostChildren).toBeLessThanOrEqual(1);
    expect(gdal.stats()).toMatchObject({ peakRunning: 1, started: 4, running: 0, queued: 0 });
    expect(medianHealthMs).toBeLessThan(healthy(baseline));
  });

  it('answers an exception at WMS_MAX_RENDERING_MS and kills the request’s gdalwarp', async () => {
    const base = await serve({
      wmsLimits: { maxLayers: 10, maxRequestMemoryBytes: 1024 ** 3, maxRenderingMs: 1000 },
    });
    const start = performance.now();
    const res = await fetch(
      getMapUrl(base, {
        apikey: key,
        LAYERS: 'ob:imagery_2024',
        CRS: 'EPSG:4490',
        BBOX: imageryWindow(),
        WIDTH: 4096,
        HEIGHT: 4096,
      }),
    );
    const body = await res.text();
    expect(performance.now() - start).toBeLessThan(PROMPT_MS);
    expect(res.status).toBe(503);
    expect(serviceException(body).code).toBe('NoApplicableCode');
    expect(body).toMatch(/WMS_MAX_RENDERING_MS/);
    expect(await noGdalwarpWithin(2000)).toBe(0);
    expect(gdal.stats()).toMatchObject({ started: 1, running: 0 });
  });

  it('kills the gdalwarp of a GetMap its client aborts', async () => {
    const base = await serve({});
    const client = new AbortController();
    const request = fetch(
      getMapUrl(base, {
        apikey: key,
        LAYERS: 'ob:imagery_2024',
        CRS: 'EPSG:4490',
        BBOX: imageryWindow(1),
        WIDTH: 4096,
        HEIGHT: 4096,
      }),
      { signal: client.signal },
    ).catch(() => 'aborted');
    const until = performance.now() + 10_000;
    while ((await gdalwarpChildren()) === 0 && performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await gdalwarpChildren()).toBeGreaterThan(0);
    client.abort();
    expect(await request).toBe('aborted');
    expect(await noGdalwarpWithin(2000)).toBe(0);
    expect(gdal.stats()).toMatchObject({ started: 1, running: 0 });
  });
});
