// A PostgreSQL cluster of a test's own, in a temporary folder, that the test may stop and start
// without disturbing the shared test cluster (as root, its programs run as Debian's postgres user), and a
// hot standby of it made by pg_basebackup.
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
  /** a hot standby of this cluster made by pg_basebackup, streaming from it, started */
  standby(): Promise<ThrowawayCluster>;
}

/** A folder the cluster's programs may write (postgres's when run as root). */
function clusterDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  return dir;
}

/** Starts, stops and removes the cluster in `dir`/pg on `port`. */
function runCluster(dir: string, port: number, isStandby = false): ThrowawayCluster {
  const pgdata = path.join(dir, 'pg');
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='${dir}' -c fsync=off`;
  const start = () =>
    pgTool('pg_ctl', ['start', '-w', '-t', '30', '-D', pgdata, '-l', path.join(dir, 'log'), '-o', options]);
  const stop = () => pgTool('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', pgdata]);
  start();
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
    standby: async () => {
      if (isStandby) throw new Error('a standby of a standby is not needed here');
      const standbyDir = clusterDir('throwaway-standby-');
      // -R writes standby.signal and the connection back to this cluster; -X stream copies the WAL meanwhile
      pgTool('pg_basebackup', [
        ...['-h', '127.0.0.1', '-p', String(port), '-U', 'blueprint'],
        ...['-D', path.join(standbyDir, 'pg'), '-R', '-X', 'stream', '-c', 'fast'],
      ]);
      return runCluster(standbyDir, await freePort(), true);
    },
  };
}

export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const dir = clusterDir('throwaway-pg-');
  const port = await freePort();
  pgTool('initdb', [
    '-D',
    path.join(dir, 'pg'),
    '-U',
    'blueprint',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const cluster = runCluster(dir, port);
  execFileSync(path.join(PG_BIN, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'blueprint',
    'cluster',
  ]);
  return cluster;
}
