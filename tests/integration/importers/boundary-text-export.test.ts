// GET /api/v1/layers/:code/features?format=boundary-text: a polygon layer's features as boundary-
// coordinate text (国土TXT) in the city's Gauss-Krüger zone, read back by the real importer with the same
// parcels and ellipsoidal areas.
import { signIn, type SignedIn } from '../../support/access';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { importFile, type ImportResult } from '../../../importers';
import { createApp, importJobsOf } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { currentFeatures, freshLayer, workDir } from '../../support/import-fixtures';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
const app = createApp({ pool, config: testAppConfig() });
let server: Awaited<ReturnType<typeof listenOnFreePort>>;
// the layers made here are not public, and imports need the right to manage layers
let planner: SignedIn | undefined;
const asPlanner = async (url: string, init: RequestInit = {}) => {
  planner ??= await signIn(server.url, 'planner');
  return fetch(url, {
    ...init,
    headers: planner.headers(init.headers as Record<string, string> | undefined),
  });
};
const dir = workDir('boundary-export-');
const rasterDir = path.join(dir, 'rasters');

// the south-west of the centre: 148 parcels, 5 of them in two parts
const BBOX = [87.55, 43.7, 87.58, 43.73] as const;
const EXPORT = `/api/v1/layers/land_use_plan/features?format=boundary-text&bbox=${BBOX.join(',')}`;

beforeAll(async () => {
  server = await listenOnFreePort(app);
});
afterAll(async () => {
  await importJobsOf(app).settle();
  await server.close();
  await pool.end();
});

/** Ellipsoidal areas (m²) by feature key of the current land-use parcels in the box. */
async function sourceAreas(): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ key: string; area: number; parts: number }>(
    `SELECT f.feature_key AS key, ST_Area(f.geom::geography) AS area
     FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
     WHERE l.code = 'land_use_plan' AND f.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)`,
    [...BBOX],
  );
  return new Map(rows.map((r) => [r.key, r.area]));
}

async function importText(bytes: Buffer, name: string): Promise<{ layer: string; result: ImportResult }> {
  const layer = await freshLayer(pool, {
    prefix: 'boundary_export',
    attributeSchema: [{ name: 'parcel_no', label: '地块编号', type: 'string', required: true, key: true }],
  });
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return { layer, result: await importFile(pool, { layer, file, fileName: name, rasterDir }) };
}

describe('exporting a polygon layer as boundary-coordinate text', () => {
  let utf8: Buffer;

  beforeAll(async () => {
    const res = await asPlanner(`${server.url}${EXPORT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=land_use_plan.txt');
    utf8 = Buffer.from(await res.arrayBuffer());
  });

  it('writes the CGCS2000 3° zone 29 with the zone prefix in the easting', () => {
    const text = utf8.toString('utf8');
    expect(text).toMatch(/^\[属性描述\]\r\n/);
    expect(text).toContain(
      '坐标系=2000国家大地坐标系\r\n几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号=29\r\n',
    );
    // a point line: J1,1,northing,easting with the prefix 29
    expect(text).toMatch(/\r\nJ1,1,48\d{5}\.\d{3},29\d{6}\.\d{3}\r\n/);
  });

  it('is read back by the importer with every parcel and its ellipsoidal area within 0.01 %', async () => {
    const expected = await sourceAreas();
    expect(expected.size).toBe(148);
    const { layer, result } = await importText(utf8, 'land_use_plan.txt');
    expect(result.report.source.crs?.code).toBe('EPSG:4517');
    expect(result.report.counts).toMatchObject({ read: expected.size, loaded: expected.size, rejected: 0 });
    const imported = await currentFeatures(pool, layer);
    expect(imported).toHaveLength(expected.size);
    const worst = Math.max(
      ...imported.map((f) => Math.abs(f.area - expected.get(f.key ?? '')!) / expected.get(f.key ?? '')!),
    );
    expect(imported.every((f) => expected.has(f.key ?? ''))).toBe(true);
    expect(worst).toBeLessThan(0.0001);
    // two-part parcels stay two parts, not a polygon with a hole outside its shell
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
       WHERE l.code = $1 AND ST_NumGeometries(f.geom) > 1`,
      [layer],
    );
    expect(Number(rows[0]!.n)).toBe(5);
    // the declared areas are the plane areas in the zone, which the importer computes again
    const differences = result.report.source.areaChecks!.map((c) => Math.abs(c.differencePct ?? 100));
    expect(Math.max(...differences)).toBeLessThan(0.01);
  });

  it('writes GBK when asked, which the importer detects and reads to the same parcels', async () => {
    const res = await asPlanner(`${server.url}${EXPORT}&encoding=GBK`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=GBK');
    const gbk = Buffer.from(await res.arrayBuffer());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(utf8.toString('utf8'));
    const { result } = await importText(gbk, 'land_use_plan-gbk.txt');
    expect(result.report.source.encoding).toEqual({ name: 'GBK', how: 'detected' });
    expect(result.report.counts.loaded).toBe(148);
  });

  it('keeps the version, asOf and paging filters', async () => {
    const byVersion = await asPlanner(`${server.url}${EXPORT}&version=1`);
    expect(Buffer.from(await byVersion.arrayBuffer()).equals(utf8)).toBe(true);
    const firstTen = await (await asPlanner(`${server.url}${EXPORT}&limit=10`)).text();
    expect(firstTen.match(/,@\r\n/g)).toHaveLength(10);
    const before = await asPlanner(`${server.url}${EXPORT}&asOf=2000-01-01`);
    expect(before.status).toBe(404);
    expect(((await before.json()) as { error: { details: unknown } }).error.details).toEqual({
      parameter: 'asOf',
    });
  });
});

describe('format=boundary-text refuses', () => {
  const refusal = async (url: string) => {
    const res = await asPlanner(`${server.url}${url}`);
    return { status: res.status, body: (await res.json()) as { error: { details: { parameter: string } } } };
  };

  it('a layer that is not of polygons, naming format', async () => {
    const points = await freshLayer(pool, { geometryType: 'Point', prefix: 'boundary_points' });
    for (const code of [points, 'imagery_2024']) {
      const { status, body } = await refusal(`/api/v1/layers/${code}/features?format=boundary-text`);
      expect(status).toBe(400);
      expect(body.error.details.parameter).toBe('format');
    }
  });

  it('an unknown format or encoding, and a box with no feature', async () => {
    expect(await refusal('/api/v1/layers/districts/features?format=shapefile')).toMatchObject({
      status: 400,
      body: { error: { details: { parameter: 'format' } } },
    });
    expect(
      await refusal('/api/v1/layers/districts/features?format=boundary-text&encoding=latin1'),
    ).toMatchObject({ status: 400, body: { error: { details: { parameter: 'encoding' } } } });
    expect(
      await refusal('/api/v1/layers/districts/features?format=boundary-text&bbox=80,30,80.1,30.1'),
    ).toMatchObject({ status: 404, body: { error: { details: { parameter: 'bbox' } } } });
  });
});
