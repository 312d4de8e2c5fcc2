// The server as `npm start` runs it: up on the port it was given, and a clean stop on Ctrl-C (SIGINT).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { freePort } from '../support/run-command';

it('serves health once up and exits 0 on SIGINT', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: String(port) },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!output.includes('is up') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain(`http://localhost:${port}`);
  const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
  expect(health.status).toBe(200);
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('stopping');
});
