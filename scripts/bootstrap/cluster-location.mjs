// @ts-check
// Where the cluster's own files (data, socket, log) live. Normally in the data folder; when the checkout
// sits where Debian's `postgres` user cannot go (root's home is 0700), in a folder of ours under
// /var/lib that it owns, keyed by the data folder, so any checkout can be set up as it is.
import { createHash } from 'node:crypto';
import { chownSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, succeeds } from './run.mjs';

export const RELOCATED_ROOT = '/var/lib/one-blueprint';

export const asRoot = () => process.getuid?.() === 0;

/** @param {string} dataDir */
export function relocatedHome(dataDir) {
  const key = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(RELOCATED_ROOT, key);
}

/**
 * The cluster's folders under home (the data folder, or its relocated home); the state file always stays
 * in the data folder, so every command finds the cluster from there.
 * @param {string} dataDir @param {string} [home]
 */
export function clusterPaths(dataDir, home = dataDir) {
  const runDir = path.join(home, 'run');
  // A Unix socket path must stay under ~107 bytes; deep checkouts get a short one in the temp folder.
  const socketDir =
    runDir.length < 80
      ? runDir
      : path.join(
          os.tmpdir(),
          `one-blueprint-${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`,
        );
  return {
    home,
    pgdata: path.join(home, 'pg'),
    socketDir,
    logDir: path.join(home, 'log'),
    log: path.join(home, 'log', 'postgres.log'),
    state: path.join(dataDir, 'cluster.json'),
  };
}

function postgresIds() {
  return {
    uid: Number(run('id', ['-u', 'postgres']).trim()),
    gid: Number(run('id', ['-g', 'postgres']).trim()),
  };
}

/**
 * Creates a folder for the server process; as root it belongs to `postgres`. Returns whether that user
 * can write it (always true when not root: the server then runs as the user running this).
 * @param {string} dir
 */
export function ownedFolder(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!asRoot()) return true;
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  return succeeds('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]);
}

/**
 * Decides where a new cluster for dataDir lives: the data folder when `postgres` can reach it, else the
 * relocated home (created here, owned by postgres). Returns the home and whether it was relocated.
 * @param {string} dataDir
 * @returns {{ home: string, relocated: boolean }}
 */
export function chooseClusterHome(dataDir) {
  const probe = path.join(dataDir, 'pg');
  if (ownedFolder(probe)) return { home: dataDir, relocated: false };
  rmSync(probe, { recursive: true, force: true }); // the empty folder just made
  const home = relocatedHome(dataDir);
  mkdirSync(RELOCATED_ROOT, { recursive: true, mode: 0o755 });
  ownedFolder(home);
  return { home, relocated: true };
}
