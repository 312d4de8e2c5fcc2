// Several server processes sharing the port (SERVER_PROCESSES): the primary prepares the database and
// starts them, connections are dealt among them, the metrics add up all of them, a process that dies is
// replaced, and SIGTERM stops them all.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { signIn } from '../support/access';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { workDir } from '../support/import-fixtures';
import { freePort } from '../support/run-command';

/** The pids of a process's Node.js children (tsx also starts an esbuild service beside them). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, command]) => command === 'node')
      .map(([child]) => Number(child));
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** One GET on a connection of its own (no keep-alive), so that each may land on another process. */
function getOnce(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

const waitFor = async (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
};

it('serves from two processes, counts both in the metrics, replaces one that dies and stops on SIGTERM', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      PORT: String(port),
      SERVER_PROCESSES: '2',
      ONE_BLUEPRINT_DATA_DIR: path.join(workDir('processes-'), 'data'),
    },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitFor(() => output.includes('is up'), 150_000); // tsx compiles each process: slow when busy
    expect(output).toContain('is up');
    expect(output).toContain(`(2 server processes): http://localhost:${port}`);
    const workers = childrenOf(child.pid!);
    expect(workers).toHaveLength(2);

    const statuses = await Promise.all(Array.from({ length: 20 }, () => getOnce(port, '/api/v1/health')));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const admin = await signIn(`http://127.0.0.1:${port}`, 'admin');
    const metrics = await (
      await fetch(`http://127.0.0.1:${port}/api/v1/metrics`, { headers: admin.headers() })
    ).text();
    const healthCount = Number(
      metrics.match(
        /one_blueprint_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} (\d+)/,
      )?.[1],
    );
    expect(healthCount).toBe(20);
    // both processes answered some of them
    const perProcess = [
      ...metrics.matchAll(/one_blueprint_process_requests_total\{pid="(\d+)"\} (\d+)/g),
    ].map((m) => ({ pid: Number(m[1]), requests: Number(m[2]) }));
    expect(perProcess.map((p) => p.pid).sort()).toEqual([...workers].sort());
    expect(perProcess.every((p) => p.requests > 0)).toBe(true);

    process.kill(workers[0]!, 'SIGKILL');
    const replaced = () => {
      const now = childrenOf(child.pid!);
      return now.length === 2 && !now.includes(workers[0]!);
    };
    expect(await waitFor(replaced, 60_000)).toBe(true);
    expect(await waitFor(() => output.split('is up').length > 1 && output.includes('exited'), 1000)).toBe(
      true,
    );
    const afterDeath = await Promise.all(Array.from({ length: 6 }, () => getOnce(port, '/api/v1/health')));
    expect(afterDeath.every((s) => s === 200)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(childrenOf(child.pid!)).toEqual([]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 300_000);
