// Layer versions over the REST API: an upload becomes a job and a new version; history, diff, the
// blueprint as of a date, and rollback; bad uploads answer 4xx naming the parameter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { createApp, importJobsOf } from '../../../spatial-api';
import { signIn, type SignedIn } from '../../support/access';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
const app = createApp({ pool, config: testAppConfig() });
let server: Awaited<ReturnType<typeof listenOnFreePort>>;
const dir = workDir('versions-');
/** the layers are not public and changing them needs layers.manage: the demo planner does it all */
let planner: SignedIn;

beforeAll(async () => {
  server = await listenOnFreePort(app);
  planner = await signIn(server.url, 'planner');
});

/** the request as the signed-in planner, with the CSRF token for changes */
const asPlanner = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...planner.headers(), ...(init.headers as Record<string, string> | undefined) },
});
afterAll(async () => {
  await importJobsOf(app).settle();
  await server.close();
  await pool.end();
});

interface Job {
  id: string;
  status: string;
  version: number | null;
  error: { code: string; message: string } | null;
  report: { counts: Record<string, number> } | null;
}

async function upload(layer: string, file: string, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([readFileSync(file)]), path.basename(file));
  return fetch(`${server.url}/api/v1/layers/${layer}/imports`, asPlanner({ method: 'POST', body: form }));
}

async function finished(id: string): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const { job } = (await (await fetch(`${server.url}/api/v1/imports/${id}`, asPlanner())).json()) as {
      job: Job;
    };
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import job did not finish');
}

async function importVersion(layer: string, file: string): Promise<Job> {
  const res = await upload(layer, file);
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as { job: Job };
  return finished(job.id);
}

const get = async (url: string) =>
  (await fetch(`${server.url}${url}`, asPlanner())).json() as Promise<Record<string, unknown>>;

describe('layer versions over the API', () => {
  let layer: string;
  let between: Date;

  beforeAll(async () => {
    layer = await freshLayer(pool, { prefix: 'versions' });
    const first = sourceParcels(6);
    const second = sourceParcels(6);
    second.features.splice(0, 1); // DK-00001 removed
    second.features[0]!.geometry.coordinates[0]![2]![0]! += 0.0005; // DK-00002 changed
    second.features.push({
      ...sourceParcels(7).features[6]!,
      properties: { ...sourceParcels(7).features[6]!.properties, code: 'DK-NEW' },
    });
    expect((await importVersion(layer, writeJson(dir, 'v1.geojson', first))).status).toBe('succeeded');
    await new Promise((r) => setTimeout(r, 50));
    between = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const job = await importVersion(layer, writeJson(dir, 'v2.geojson', second));
    expect(job).toMatchObject({
      status: 'succeeded',
      version: 2,
      report: { counts: { read: 6, loaded: 6 } },
    });
  });

  it('lists the versions newest first with their reports', async () => {
    const { versions } = (await get(`/api/v1/layers/${layer}/versions`)) as {
      versions: Record<string, unknown>[];
    };
    expect(versions.map((v) => [v.version, v.current, v.featureCount, v.sourceName])).toEqual([
      [2, true, 6, 'v2.geojson'],
      [1, false, 6, 'v1.geojson'],
    ]);
    const report = await get(`/api/v1/layers/${layer}/versions/1/report`);
    expect(report).toMatchObject({
      source: { fileName: 'v1.geojson', format: 'GeoJSON', crs: { code: 'EPSG:4326', how: 'format' } },
    });
    const csv = await fetch(`${server.url}/api/v1/layers/${layer}/versions/1/report?format=csv`, asPlanner());
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM, for spreadsheet programs
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^要素序号/);
  });

  it('diffs two versions with counts and ellipsoidal areas', async () => {
    const diff = (await get(`/api/v1/layers/${layer}/diff?from=1&to=2`)) as Record<
      string,
      { count: number; areaM2: number }
    >;
    expect(diff.added!.count).toBe(1);
    expect(diff.removed!.count).toBe(1);
    expect(diff.changed!.count).toBe(1);
    expect(diff.unchanged!.count).toBe(4);
    expect(diff.removed!.areaM2).toBeGreaterThan(1000);
    expect(diff.changed!.areaM2).toBeGreaterThan(0);
  });

  it('reads a past version by number or as of a date', async () => {
    const byNumber = (await get(`/api/v1/layers/${layer}/features?version=1`)) as {
      features: { id: string }[];
    };
    expect(byNumber.features.map((f) => f.id)).toContain('DK-00001');
    const asOf = (await get(`/api/v1/layers/${layer}/features?asOf=${between.toISOString()}`)) as {
      features: { id: string }[];
    };
    expect(asOf.features.map((f) => f.id)).toContain('DK-00001');
    const current = (await get(`/api/v1/layers/${layer}/features`)) as {
      features: { id: string }[];
      numberMatched: number;
    };
    expect(current.features.map((f) => f.id)).toContain('DK-NEW');
    expect(current.numberMatched).toBe(6);
  });

  it('rolls back to an earlier version, and the rollback is part of the history', async () => {
    const before = new Date();
    const res = await fetch(
      `${server.url}/api/v1/layers/${layer}/rollback`,
      asPlanner({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1 }),
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: layer, version: 1 });
    const current = (await get(`/api/v1/layers/${layer}/features`)) as { features: { id: string }[] };
    expect(current.features.map((f) => f.id)).toContain('DK-00001');
    const justBefore = (await get(`/api/v1/layers/${layer}/features?asOf=${before.toISOString()}`)) as {
      features: { id: string }[];
    };
    expect(justBefore.features.map((f) => f.id)).toContain('DK-NEW');
  });

  it('answers 4xx naming the parameter for bad requests', async () => {
    const cases: [string, RequestInit | undefined, number, string][] = [
      [
        `/api/v1/layers/${layer}/rollback`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"version": 9}' },
        404,
        'version',
      ],
      [
        `/api/v1/layers/${layer}/rollback`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"version": "x"}' },
        400,
        'version',
      ],
      [`/api/v1/layers/${layer}/diff?from=1`, undefined, 400, 'to'],
      [`/api/v1/layers/${layer}/features?bbox=1,2,3`, undefined, 400, 'bbox'],
      [`/api/v1/layers/${layer}/versions/7/report`, undefined, 404, 'version'],
      ['/api/v1/imports/not-a-job', undefined, 404, 'id'],
    ];
    for (const [url, init, status, parameter] of cases) {
      const res = await fetch(`${server.url}${url}`, asPlanner(init));
      const body = (await res.json()) as { error: { details: { parameter: string } } };
      expect({ url, status: res.status, parameter: body.error.details.parameter }).toEqual({
        url,
        status,
        parameter,
      });
    }
  });
});

describe('uploads', () => {
  it('refuses an upload without a file, with an unknown CRS or encoding, and to an unknown layer', async () => {
    const layer = await freshLayer(pool);
    const file = writeJson(dir, 'one.geojson', sourceParcels(1));
    const noFile = await fetch(
      `${server.url}/api/v1/layers/${layer}/imports`,
      asPlanner({ method: 'POST', body: new FormData() }),
    );
    expect(noFile.status).toBe(400);
    expect(
      ((await noFile.json()) as { error: { details: { parameter: string } } }).error.details.parameter,
    ).toBe('file');
    const badSrs = await upload(layer, file, { srs: 'EPSG:99999' });
    expect(badSrs.status).toBe(400);
    expect(
      ((await badSrs.json()) as { error: { details: { parameter: string } } }).error.details.parameter,
    ).toBe('srs');
    const badEncoding = await upload(layer, file, { encoding: 'latin1' });
    expect(badEncoding.status).toBe(400);
    expect((await upload('no_such_layer', file)).status).toBe(404);
  });

  it('refuses a file over the upload limit with 413', async () => {
    const small = createApp({ pool, config: testAppConfig({ importMaxBytes: 1000 }) });
    const other = await listenOnFreePort(small);
    try {
      const layer = await freshLayer(pool);
      const form = new FormData();
      form.append(
        'file',
        new Blob([readFileSync(writeJson(dir, 'big.geojson', sourceParcels(50)))]),
        'big.geojson',
      );
      const res = await fetch(
        `${other.url}/api/v1/layers/${layer}/imports`,
        asPlanner({ method: 'POST', body: form }),
      );
      expect(res.status).toBe(413);
    } finally {
      await other.close();
    }
  });

  it('reports a failed import in its job, with the error and the report', async () => {
    const layer = await freshLayer(pool);
    const source = sourceParcels(2);
    delete source.features[0]!.properties!.name;
    const res = await upload(layer, writeJson(dir, 'missing-name.geojson', source));
    const job = await finished(((await res.json()) as { job: Job }).job.id);
    expect(job).toMatchObject({
      status: 'failed',
      version: null,
      error: { code: 'validation_failed' },
      report: { counts: { rejected: 1 } },
    });
  });

  it('imports a boundary-coordinate text file (国土TXT) and reports declared against computed areas', async () => {
    const layer = await freshLayer(pool, {
      attributeSchema: [{ name: 'parcel_no', label: '地块编号', type: 'string', required: true, key: true }],
    });
    const fixture = path.join(__dirname, '../../fixtures/importers/boundary-coordinates/in/two-parcels.txt');
    const job = await finished(((await (await upload(layer, fixture)).json()) as { job: Job }).job.id);
    expect(job).toMatchObject({ status: 'succeeded', version: 1 });
    const report = (await get(`/api/v1/layers/${layer}/versions/1/report`)) as {
      source: { crs: { code: string }; areaChecks: unknown[] };
    };
    expect(report.source.crs.code).toBe('EPSG:4517');
    expect(report.source.areaChecks).toHaveLength(2);
  });
});
