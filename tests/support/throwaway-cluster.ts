// A PostgreSQL cluster of a test's own, in a temporary folder, that the test may stop and start
// without disturbing the shared test cluster (as root, its programs run as Debian's postgres user).
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './run-command';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

function pgTool(binary: string, args: string[]): void {
  const full = path.join(PG_BIN, binary);
  const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
  execFileSync(command, all, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface ThrowawayCluster {
  /** the database `cluster` on it, as a URL */
  url: string;
  start(): void;
  stop(): void;
  destroy(): void;
}

export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'throwaway-pg-'));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  const pgdata = path.join(dir, 'pg');
  const port = await freePort();
  pgTool('initdb', ['-D', pgdata, '-U', 'blueprint', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='${dir}' -c fsync=off`;
  const start = () =>
    pgTool('pg_ctl', ['start', '-w', '-t', '30', '-D', pgdata, '-l', path.join(dir, 'log'), '-o', options]);
  const stop = () => pgTool('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', pgdata]);
  start();
  execFileSync(path.join(PG_BIN, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'blueprint',
    'cluster',
  ]);
  let running = true;
  return {
    url: `postgres://blueprint@127.0.0.1:${port}/cluster`,
    start: () => {
      start();
      running = true;
    },
    stop: () => {
      stop();
      running = false;
    },
    destroy: () => {
      if (running) pgTool('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', pgdata]);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
