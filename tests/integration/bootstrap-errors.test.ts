// The run command's answers to a broken set-up: one clear line saying what is wrong and what to do,
// a non-zero exit, and no stack trace.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/environment';
import { freePort, runCommand, type CommandResult } from '../support/run-command';

const bootstrap = path.join(ROOT, 'scripts', 'bootstrap.mjs');

function expectOneClearLine(result: CommandResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('npm start on a broken set-up', () => {
  it('names an unreachable DATABASE_URL', async () => {
    const result = await runCommand(
      [bootstrap, 'start'],
      { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere', PORT: String(await freePort()) },
      ROOT,
    );
    expectOneClearLine(result, /cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere .*Check DATABASE_URL/);
    expect(result.stderr).not.toContain('secret');
  });

  it('names a DATABASE_URL that is not a postgres URL', async () => {
    const result = await runCommand(
      [bootstrap, 'start'],
      { DATABASE_URL: 'mysql://x@localhost/db', PORT: String(await freePort()) },
      ROOT,
    );
    expectOneClearLine(result, /DATABASE_URL must start with postgres:\/\//);
  });

  it('names a port already in use and suggests another', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const result = await runCommand([bootstrap, 'start'], { PORT: String(port) }, ROOT);
      expectOneClearLine(result, new RegExp(`port ${port} is already in use: .*PORT=${port + 1}`));
    } finally {
      blocker.close();
    }
  });

  it('refuses a PORT that is not a port number', async () => {
    const result = await runCommand([bootstrap, 'start'], { PORT: 'eighty' }, ROOT);
    expectOneClearLine(result, /PORT must be a whole number from 1 to 65535/);
  });

  it('names a half-created .data folder and how to clear it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'half-created-'));
    mkdirSync(path.join(dataDir, 'pg'));
    writeFileSync(path.join(dataDir, 'pg', 'postgresql.conf'), '# interrupted initdb\n');
    const result = await runCommand(
      [bootstrap, 'start'],
      { ONE_BLUEPRINT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(await freePort()) },
      ROOT,
    );
    expectOneClearLine(result, /is half-created .*Remove it with "rm -rf .*" and run the command again/);
  });

  it('names an unknown command', async () => {
    const result = await runCommand([bootstrap, 'launch'], {}, ROOT);
    expectOneClearLine(
      result,
      /unknown command "launch": use one of start, test, seed, import, bench, admin, audit, migrate, stop/,
    );
  });
});
