// The server as `npm start` runs it: up on the port it was given, a clean stop on Ctrl-C (SIGINT), and on
// SIGTERM a graceful one: a request under way is answered, a running import is rolled back (its layer
// keeps serving the version it had) and marked failed, and the process exits 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Pool } from 'pg';
import { importFile } from '../../importers';
import { signIn, type SignedIn } from '../support/access';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { freshLayer, sourceParcels, workDir, writeJson } from '../support/import-fixtures';
import { freePort } from '../support/run-command';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());
const dir = workDir('lifecycle-');

async function startServe(): Promise<{
  child: ChildProcessWithoutNullStreams;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      PORT: String(port),
      // one process: its own graceful stop (several: server-processes.test.ts)
      SERVER_PROCESSES: '1',
      ONE_BLUEPRINT_DATA_DIR: path.join(dir, 'data'),
    },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000; // tsx compiles the server first: slow on a busy machine
  while (!output.includes('is up') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain(`http://localhost:${port}`);
  return { child, port, output: () => output, exited };
}

it('serves health once up and exits 0 on SIGINT', async () => {
  const { child, port, output, exited } = await startServe();
  const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
  expect(health.status).toBe(200);
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output()).toContain('stopping');
}, 120_000);

async function layerState(code: string) {
  const { rows } = await pool.query<{ version_no: number; n: string; versions: string }>(
    `SELECT v.version_no, (SELECT count(*) FROM layer_features f WHERE f.layer_version_id = v.id) AS n,
            (SELECT count(*) FROM layer_versions x WHERE x.layer_id = l.id) AS versions
     FROM layers l JOIN layer_versions v ON v.id = l.current_version_id WHERE l.code = $1`,
    [code],
  );
  return rows[0];
}

/** A request whose body arrives in two halves: under way until the second half is sent. */
function slowCreateLayer(port: number, code: string, planner: SignedIn) {
  const body = JSON.stringify({ code, name: '停机测试', kind: 'reference', geometryType: 'MultiPolygon' });
  const half = Math.floor(body.length / 2);
  let finishBody = () => undefined as void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/layers',
        headers: planner.headers({
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        }),
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    finishBody = () => void req.end(body.slice(half));
  });
  return { response, finishBody: () => finishBody() };
}

it('on SIGTERM finishes the request under way, rolls back the running import and exits 0', async () => {
  const layer = await freshLayer(pool);
  await importFile(pool, { layer, file: writeJson(dir, 'v1.geojson', sourceParcels(20)), rasterDir: dir });
  const before = await layerState(layer);
  expect(before).toMatchObject({ version_no: 1, n: '20', versions: '1' });

  const { child, port, output, exited } = await startServe();
  const form = new FormData();
  const big = writeJson(dir, 'big.geojson', sourceParcels(100_000));
  form.append('file', new Blob([readFileSync(big)]), 'big.geojson');
  const planner = await signIn(`http://127.0.0.1:${port}`, 'planner');
  const started = await fetch(`http://127.0.0.1:${port}/api/v1/layers/${layer}/imports`, {
    method: 'POST',
    headers: planner.headers(),
    body: form,
  });
  expect(started.status).toBe(202);
  const { job } = (await started.json()) as { job: { id: string } };
  const progressed = async () =>
    Number(
      (
        await pool.query<{ done: string }>('SELECT progress_done AS done FROM import_jobs WHERE id = $1', [
          job.id,
        ])
      ).rows[0]?.done ?? 0,
    );
  const deadline = Date.now() + 60_000;
  while ((await progressed()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(await progressed()).toBeGreaterThan(0); // features are being written

  const slowCode = `shutdown_test_${Date.now()}`;
  const slow = slowCreateLayer(port, slowCode, planner);
  await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  slow.finishBody();
  expect((await slow.response).status).toBe(201);
  expect(await exited).toBe(0);
  expect(output()).toContain('stopped');

  const { rows } = await pool.query<{ status: string; error: { code: string } | null }>(
    'SELECT status, error FROM import_jobs WHERE id = $1',
    [job.id],
  );
  expect(rows[0]).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
  expect(await layerState(layer)).toEqual(before);
  expect((await pool.query('SELECT 1 FROM layers WHERE code = $1', [slowCode])).rowCount).toBe(1);
}, 240_000);
