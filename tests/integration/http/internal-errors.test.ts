// A failure inside the server is logged with a request id and answered with that id only: neither an OGC
// ExceptionReport nor a REST error shows the internal message (file paths, GDAL's or PostgreSQL's text).
import { issueTestKey } from '../../support/access';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createApp, type AppConfig } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { getMapUrl, serviceException } from '../wms/wms-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('internal errors', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const missing = new URL(testDatabaseUrl());
  missing.pathname = '/no_such_database_for_errors';
  const brokenPool = new Pool({ connectionString: missing.toString(), max: 1 });
  const emptyRasterDir = mkdtempSync(path.join(os.tmpdir(), 'no-rasters-'));
  const servers: { close(): Promise<void> }[] = [];
  let logged: unknown[][] = [];
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    logged = [];
    consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  });
  afterEach(() => consoleError.mockRestore());
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all([pool.end(), brokenPool.end()]);
    rmSync(emptyRasterDir, { recursive: true, force: true });
  });

  async function serve(on: Pool, overrides: Partial<AppConfig> = {}): Promise<string> {
    const server = await listenOnFreePort(createApp({ pool: on, config: testAppConfig(overrides) }));
    servers.push(server);
    return server.url;
  }

  it('answers an OGC 500 with NoApplicableCode and a request id, logging the internal error', async () => {
    const base = await serve(pool, { rasterDir: emptyRasterDir });
    // the imagery is not public: a key reads it, and its file is missing from this raster folder
    const apikey = await issueTestKey(pool, { name: 'internal errors' });
    const res = await fetch(
      getMapUrl(base, {
        apikey,
        LAYERS: 'ob:imagery_2024',
        CRS: 'EPSG:4490',
        BBOX: '43.79,87.59,43.80,87.60',
      }),
    );
    const body = await res.text();
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(serviceException(body).code).toBe('NoApplicableCode');
    expect(body).toContain(`内部错误，请求编号 ${id} / internal error, request id ${id}`);
    expect(body).not.toContain(emptyRasterDir);
    expect(body).not.toMatch(/gdalwarp|imagery_2024-v|No such file/);
    const line = logged.map((args) => args.map(String).join(' ')).find((l) => l.includes(id!));
    expect(line).toContain(emptyRasterDir);
  });

  it('answers a REST 500 with a request id and not the database’s message', async () => {
    const base = await serve(brokenPool);
    const res = await fetch(`${base}/api/v1/layers`);
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).toContain(id);
    expect(JSON.stringify(body)).not.toContain('no_such_database_for_errors');
    expect(logged.some((args) => args.map(String).join(' ').includes(id!))).toBe(true);
  });

  it('keeps a client’s X-Request-Id when it is a plain token, and replaces one that is not', async () => {
    const base = await serve(pool);
    const kept = await fetch(`${base}/api/v1/crs`, { headers: { 'X-Request-Id': 'gateway-7f3a.91_b' } });
    expect(kept.headers.get('x-request-id')).toBe('gateway-7f3a.91_b');
    for (const bad of ['<script>alert(1)</script>', 'a b', 'x'.repeat(200)]) {
      const res = await fetch(`${base}/api/v1/crs`, { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });
});
