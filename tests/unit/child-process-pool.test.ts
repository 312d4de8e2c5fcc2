// The bounded pool of child processes: never more than its bound running, the rest queued in order; an
// aborted job leaves the queue without starting, a running one is killed (SIGKILL when it ignores
// SIGTERM), and its slot goes to the next job once the process has exited.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildAborted, ChildProcessPool } from '../../spatial-api/child-process-pool';

const NODE = process.execPath;
/** A child that sleeps for `ms`, then prints `text`. */
const sleeper = (ms: number, text = 'done') => [
  '-e',
  `setTimeout(() => process.stdout.write('${text}'), ${ms})`,
];
/** A child that writes its pid to `pidFile`, ignores SIGTERM and would run for a minute. */
const stubborn = (pidFile: string) => [
  '-e',
  `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 60000)`,
];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ChildProcessPool', () => {
  it('runs at most maxProcesses children at once and all jobs in the end, in order', async () => {
    const pool = new ChildProcessPool(2);
    const order: string[] = [];
    const jobs = [0, 1, 2, 3, 4].map((n) =>
      pool.run(NODE, sleeper(150, `job${n}`)).then((r) => {
        order.push(r.stdout.toString());
        return r;
      }),
    );
    expect(pool.stats()).toMatchObject({ running: 2, queued: 3 });
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(order.slice(0, 2).sort()).toEqual(['job0', 'job1']);
    expect(pool.stats()).toEqual({ running: 0, queued: 0, peakRunning: 2, started: 5 });
  });

  it('answers a failing command with its exit code and standard error', async () => {
    const pool = new ChildProcessPool(1);
    const result = await pool.run(NODE, ['-e', "process.stderr.write('broken'); process.exit(3)"]);
    expect(result).toMatchObject({ code: 3, stderr: 'broken' });
  });

  it('drops an aborted queued job without starting it', async () => {
    const pool = new ChildProcessPool(1);
    const first = pool.run(NODE, sleeper(300));
    const abort = new AbortController();
    const queued = pool.run(NODE, sleeper(10), { signal: abort.signal });
    abort.abort('client gone');
    await expect(queued).rejects.toEqual(new ChildAborted('client gone'));
    expect(pool.stats().queued).toBe(0);
    await first;
    expect(pool.stats().started).toBe(1);
  });

  it('refuses a job whose signal has already fired', async () => {
    const pool = new ChildProcessPool(1);
    await expect(pool.run(NODE, sleeper(10), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      ChildAborted,
    );
    expect(pool.stats().started).toBe(0);
  });

  it('kills a running child when its job is aborted, SIGKILL when it ignores SIGTERM, then starts the next', async () => {
    const pool = new ChildProcessPool(1);
    const abort = new AbortController();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pool-'));
    const pidFile = path.join(dir, 'pid');
    const running = pool.run(NODE, stubborn(pidFile), { signal: abort.signal });
    const next = pool.run(NODE, sleeper(10, 'next'));
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const pid = Number(readFileSync(pidFile, 'utf8'));
    rmSync(dir, { recursive: true });
    const abortedAt = performance.now();
    abort.abort();
    await expect(running).rejects.toBeInstanceOf(ChildAborted);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(isRunning(pid)).toBe(true); // SIGTERM ignored: the slot is still taken
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    expect((await next).stdout.toString()).toBe('next');
    expect(isRunning(pid)).toBe(false);
  });
});
