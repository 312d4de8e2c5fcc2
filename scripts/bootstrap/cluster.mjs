// @ts-check
// The embedded PostgreSQL + PostGIS cluster under .data/: created once, started when needed, stopped on request.
// initdb and postgres refuse to run as root, so as root they run as Debian's `postgres` system user.
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asRoot, chooseClusterHome, clusterPaths, ownedFolder } from './cluster-location.mjs';
import { BootstrapError, say } from './fail.mjs';
import { findFreePort, isPortFree } from './ports.mjs';
import { run, succeeds } from './run.mjs';
import { PG_BIN } from './system-packages.mjs';

const USER = 'blueprint';
const PORT_RANGE = /** @type {const} */ ([55432, 55632]);

/**
 * @typedef {{ host: string, port: number, user: string, password: string, home?: string }} ClusterState
 * (home: where the cluster's data, socket and log live when not in the data folder)
 */

/** @param {string} binary @param {string[]} args @param {string} what */
function pgTool(binary, args, what) {
  const full = path.join(PG_BIN, binary);
  return asRoot()
    ? run('runuser', ['-u', 'postgres', '--', full, ...args], { what })
    : run(full, args, { what });
}

/** Creates a folder the server process can write, or says how to make it reachable. @param {string} dir */
function serverFolder(dir) {
  if (!ownedFolder(dir)) {
    throw new BootstrapError(
      `the postgres system user cannot reach ${dir}: give its parent folders o+x (chmod o+x <folder>) or set ONE_BLUEPRINT_DATA_DIR to a reachable folder.`,
    );
  }
}

/** The cluster's folders, wherever the state file says it lives. @param {string} dataDir */
function pathsOf(dataDir) {
  const paths = clusterPaths(dataDir);
  if (!existsSync(paths.state)) return paths;
  /** @type {Partial<ClusterState>} */
  const state = JSON.parse(readFileSync(paths.state, 'utf8'));
  return state.home ? clusterPaths(dataDir, state.home) : paths;
}

/** @param {string} dataDir @returns {ClusterState | undefined} */
function readState(dataDir) {
  const local = clusterPaths(dataDir);
  const { state, pgdata, home } = pathsOf(dataDir);
  const hasState = existsSync(state);
  const hasCluster = existsSync(path.join(pgdata, 'PG_VERSION'));
  const hasFolder = existsSync(local.pgdata) && readdirSync(local.pgdata).length > 0;
  if (hasState && hasCluster) return JSON.parse(readFileSync(state, 'utf8'));
  if (!hasState && !hasFolder) return undefined;
  const shown = path.relative(process.cwd(), dataDir) || dataDir;
  const folders = home === dataDir ? shown : `${shown} ${home}`;
  throw new BootstrapError(
    `the local database in ${shown} is half-created (an earlier set-up was interrupted). Remove it with "rm -rf ${folders}" and run the command again.`,
  );
}

/**
 * A relocated home is keyed by the data folder; finding a cluster there while the data folder has no
 * state file means an earlier set-up of this folder was interrupted, or its .data was removed: that
 * cluster cannot be used (its password is lost), so it is stopped and removed.
 * @param {{ pgdata: string }} paths
 */
function removeLeftover(paths) {
  if (!existsSync(paths.pgdata) || readdirSync(paths.pgdata).length === 0) return;
  say(`removing the leftover cluster of an earlier set-up in ${paths.pgdata}`);
  if (succeeds(...statusCommand(paths.pgdata))) {
    pgTool('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', paths.pgdata], 'stopping the leftover PostgreSQL');
  }
  rmSync(paths.pgdata, { recursive: true, force: true });
}

/** @param {string} dataDir @param {string} home */
function sayWhereItLives(dataDir, home) {
  if (home !== dataDir) say(`the database lives in ${home} (the postgres user cannot reach ${dataDir})`);
}

/** @param {string} dataDir @returns {Promise<ClusterState>} */
async function initCluster(dataDir) {
  const local = clusterPaths(dataDir);
  if (existsSync(local.pgdata)) rmSync(local.pgdata, { recursive: true, force: true }); // empty leftover only
  mkdirSync(dataDir, { recursive: true });
  const { home, relocated } = chooseClusterHome(dataDir);
  const paths = clusterPaths(dataDir, home);
  if (relocated) {
    sayWhereItLives(dataDir, home);
    removeLeftover(paths);
  }
  serverFolder(paths.pgdata);
  serverFolder(paths.socketDir);
  serverFolder(paths.logDir);
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
  const state = { host: '127.0.0.1', port, user: USER, password, ...(relocated ? { home } : {}) };
  writeFileSync(paths.state, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

/** @param {string} dataDir */
function runningPort(dataDir) {
  const { pgdata } = pathsOf(dataDir);
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
  const existing = readState(dataDir);
  if (existing?.home) sayWhereItLives(dataDir, existing.home);
  const state = existing ?? (await initCluster(dataDir));
  const paths = pathsOf(dataDir);
  const port = runningPort(dataDir);
  if (port !== undefined) return { ...state, port };

  if (!(await isPortFree(state.port))) {
    const free = await findFreePort(...PORT_RANGE);
    if (free === undefined)
      throw new BootstrapError(`no free port for PostgreSQL in ${PORT_RANGE.join('-')}.`);
    state.port = free;
    writeFileSync(paths.state, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  serverFolder(paths.socketDir);
  serverFolder(paths.logDir);
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
  const { pgdata } = pathsOf(dataDir);
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
