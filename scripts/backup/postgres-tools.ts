// pg_dump and pg_restore from the same Debian PostgreSQL 15 binaries the embedded cluster runs
// (PG_BIN in scripts/bootstrap/system-packages.mjs), given a connection URL whose password travels in
// the environment, never on a command line others can read.
import { spawn } from 'node:child_process';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Host, port, user and database as command-line options; the password as PGPASSWORD. */
function connection(databaseUrl: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  return {
    args: [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username),
      '-d',
      decodeURIComponent(url.pathname.slice(1)),
    ],
    env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
  };
}

/** Runs a PostgreSQL client program; rejects with its last line of standard error. */
function runTool(binary: string, args: string[], databaseUrl: string): Promise<void> {
  const { args: target, env } = connection(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(PG_BIN, binary), [...args, ...target], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      const last = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
      reject(new Error(`${binary} failed: ${last}`));
    });
  });
}

/**
 * The whole database in pg_dump's custom format (compressed, restorable object by object), as seen by
 * an exported snapshot, so that it matches what was counted in the transaction that exported it.
 */
export function dumpDatabase(databaseUrl: string, file: string, snapshot: string): Promise<void> {
  return runTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`],
    databaseUrl,
  );
}

/** Restores a custom-format dump into an empty database, stopping at the first error. */
export function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  return runTool('pg_restore', ['--exit-on-error', '--no-owner', '--no-privileges', file], databaseUrl);
}
