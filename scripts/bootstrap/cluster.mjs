// @ts-check
// The embedded PostgreSQL + PostGIS cluster under .data/: created once, started when needed, stopped on request.
// initdb and postgres refuse to run as root, so as root they run as Debian's `postgres` system user.
import { randomBytes, createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BootstrapError, say } from './fail.mjs';
import { findFreePort, isPortFree } from './ports.mjs';
import { run, succeeds } from './run.mjs';
import { PG_BIN } from './system-packages.mjs';

const USER = 'blueprint';
const PORT_RANGE = /** @type {const} */ ([55432, 55632]);

/**
 * @typedef {{ host: string, port: number, user: string, password: string }} ClusterState
 */

/** @param {string} dataDir */
export function clusterPaths(dataDir) {
  const runDir = path.join(dataDir, 'run');
  // A Unix socket path must stay under ~107 bytes; deep checkouts get a short one in the temp folder.
  const socketDir =
    runDir.length < 80
      ? runDir
      : path.join(
          os.tmpdir(),
          `one-blueprint-${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`,
        );
  return {
    pgdata: path.join(dataDir, 'pg'),
    socketDir,
    logDir: path.join(dataDir, 'log'),
    log: path.join(dataDir, 'log', 'postgres.log'),
    state: path.join(dataDir, 'cluster.json'),
  };
}

const asRoot = () => process.getuid?.() === 0;

/** @param {string} binary @param {string[]} args @param {string} what */
function pgTool(binary, args, what) {
  const full = path.join(PG_BIN, binary);
  return asRoot()
    ? run('runuser', ['-u', 'postgres', '--', full, ...args], { what })
    : run(full, args, { what });
}

/** Creates a folder that the server process can write. @param {string} dir */
function ownedFolder(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot()) {
    const uid = Number(run('id', ['-u', 'postgres']).trim());
    const gid = Number(run('id', ['-g', 'postgres']).trim());
    chownSync(dir, uid, gid);
    if (!succeeds('runuser', ['-u', 'postgres', '--', 'test', '-w', dir])) {
      throw new BootstrapError(
        `the postgres system user cannot reach ${dir}: give its parent folders o+x (chmod o+x <folder>) or set ONE_BLUEPRINT_DATA_DIR to a reachable folder.`,
      );
    }
  }
}

/** @param {string} dataDir @returns {ClusterState | undefined} */
function readState(dataDir) {
  const { state, pgdata } = clusterPaths(dataDir);
  const hasState = existsSync(state);
  const hasCluster = existsSync(path.join(pgdata, 'PG_VERSION'));
  const hasFolder = existsSync(pgdata) && readdirSync(pgdata).length > 0;
  if (hasState && hasCluster) return JSON.parse(readFileSync(state, 'utf8'));
  if (!hasState && !hasFolder) return undefined;
  const shown = path.relative(process.cwd(), dataDir) || dataDir;
  throw new BootstrapError(
    `the local database in ${shown} is half-created (an earlier set-up was interrupted). Remove it with "rm -rf ${shown}" and run the command again.`,
  );
}

/** @param {string} dataDir @returns {Promise<ClusterState>} */
async function initCluster(dataDir) {
  const paths = clusterPaths(dataDir);
  if (existsSync(paths.pgdata)) rmSync(paths.pgdata, { recursive: true, force: true }); // empty leftover only
  mkdirSync(dataDir, { recursive: true });
  ownedFolder(paths.pgdata);
  ownedFolder(paths.socketDir);
  ownedFolder(paths.logDir);
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(paths.socketDir, 'initdb-password');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot()) chownSync(pwfile, Number(run('id', ['-u', 'postgres']).trim()), 0);
  say(`creating the local PostgreSQL cluster in ${paths.pgdata}`);
  try {
    pgTool(
      'initdb',
      [
        '-D',
        paths.pgdata,
        '-U',
        USER,
        `--pwfile=${pwfile}`,
        '-A',
        'scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
      ],
      'initdb',
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  const port = await findFreePort(...PORT_RANGE);
  if (port === undefined) throw new BootstrapError(`no free port for PostgreSQL in ${PORT_RANGE.join('-')}.`);
  /** @type {ClusterState} */
  const state = { host: '127.0.0.1', port, user: USER, password };
  writeFileSync(paths.state, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

/** @param {string} dataDir */
function runningPort(dataDir) {
  const { pgdata } = clusterPaths(dataDir);
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  if (!succeeds(...statusCommand(pgdata))) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isFinite(port) ? port : undefined;
}

/** @param {string} pgdata @returns {[string, string[]]} */
function statusCommand(pgdata) {
  const pgCtl = path.join(PG_BIN, 'pg_ctl');
  return asRoot()
    ? ['runuser', ['-u', 'postgres', '--', pgCtl, 'status', '-D', pgdata]]
    : [pgCtl, ['status', '-D', pgdata]];
}

/**
 * Creates the cluster if there is none and starts it if it is not running.
 * @param {string} dataDir @returns {Promise<ClusterState>}
 */
export async function ensureCluster(dataDir) {
  const state = readState(dataDir) ?? (await initCluster(dataDir));
  const paths = clusterPaths(dataDir);
  const port = runningPort(dataDir);
  if (port !== undefined) return { ...state, port };

  if (!(await isPortFree(state.port))) {
    const free = await findFreePort(...PORT_RANGE);
    if (free === undefined)
      throw new BootstrapError(`no free port for PostgreSQL in ${PORT_RANGE.join('-')}.`);
    state.port = free;
    writeFileSync(paths.state, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  ownedFolder(paths.socketDir);
  ownedFolder(paths.logDir);
  say(`starting PostgreSQL on 127.0.0.1:${state.port}`);
  const options = `-c listen_addresses=127.0.0.1 -p ${state.port} -c unix_socket_directories='${paths.socketDir}' -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB -c max_wal_size=2GB`;
  try {
    pgTool(
      'pg_ctl',
      ['start', '-w', '-t', '60', '-D', paths.pgdata, '-l', paths.log, '-o', options],
      'starting PostgreSQL',
    );
  } catch (error) {
    const log = existsSync(paths.log) ? readFileSync(paths.log, 'utf8').trim().split('\n').slice(-1)[0] : '';
    throw new BootstrapError(`PostgreSQL did not start (${log || String(error)}); see ${paths.log}.`);
  }
  return state;
}

/** @param {string} dataDir */
export function stopCluster(dataDir) {
  const { pgdata } = clusterPaths(dataDir);
  if (runningPort(dataDir) === undefined) {
    say('the local PostgreSQL cluster is not running');
    return;
  }
  pgTool('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', pgdata], 'stopping PostgreSQL');
  say('stopped the local PostgreSQL cluster');
}

/** @param {ClusterState} state @param {string} database */
export function databaseUrl(state, database) {
  return `postgres://${state.user}:${encodeURIComponent(state.password)}@${state.host}:${state.port}/${database}`;
}

/** Creates the database when it does not exist yet. @param {ClusterState} state @param {string} database */
export function ensureDatabase(state, database) {
  const env = { ...process.env, PGPASSWORD: state.password };
  const psql = (/** @type {string} */ sql) =>
    run(
      path.join(PG_BIN, 'psql'),
      [
        '-h',
        state.host,
        '-p',
        String(state.port),
        '-U',
        state.user,
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        '-tAc',
        sql,
      ],
      {
        env,
        what: 'psql',
      },
    );
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new BootstrapError(`invalid database name ${database}.`);
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`).trim() !== '1') {
    psql(`CREATE DATABASE ${database}`);
  }
}
