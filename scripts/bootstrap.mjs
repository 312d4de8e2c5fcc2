#!/usr/bin/env node
// @ts-check
// The one entry point of set-up: `npm start`, `npm test`, `npm stop`, `npm run seed`, `npm run migrate`,
// `npm run import`, `npm run backup`, `npm run restore`.
// Plain JavaScript on purpose: it runs before any npm dependency is installed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, ensureCluster, ensureDatabase, stopCluster } from './bootstrap/cluster.mjs';
import { demoPassword } from './bootstrap/demo-password.mjs';
import { BootstrapError, exitWith, say } from './bootstrap/fail.mjs';
import { ensureNpmDependencies } from './bootstrap/npm-deps.mjs';
import { isPortFree } from './bootstrap/ports.mjs';
import { ensureSystemPackages } from './bootstrap/system-packages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.resolve(process.env.ONE_BLUEPRINT_DATA_DIR || path.join(ROOT, '.data'));
const DATABASE = 'one_blueprint';

/**
 * The database the command works on: DATABASE_URL when set, else the embedded cluster (started here).
 * @param {string} name database name on the embedded cluster
 */
async function database(name) {
  const external = process.env.DATABASE_URL;
  if (external) {
    let url;
    try {
      url = new URL(external);
    } catch {
      throw new BootstrapError(
        'DATABASE_URL is not a valid URL: expected postgres://user:password@host:port/database.',
      );
    }
    if (!/^postgres(ql)?:$/.test(url.protocol)) {
      throw new BootstrapError(`DATABASE_URL must start with postgres://, not ${url.protocol}//.`);
    }
    const admin = new URL(external);
    admin.pathname = '/postgres';
    return { url: external, adminUrl: admin.toString(), embedded: false };
  }
  const state = await ensureCluster(DATA_DIR);
  ensureDatabase(state, name);
  return { url: databaseUrl(state, name), adminUrl: databaseUrl(state, 'postgres'), embedded: true };
}

/** @param {string} script @param {string[]} args @param {NodeJS.ProcessEnv} env */
function runTypeScript(script, args, env) {
  return runNode(['--import', 'tsx', path.join(ROOT, script), ...args], env);
}

/** Runs node as a child with our terminal; Ctrl-C reaches the child, which shuts down cleanly. */
function runNode(/** @type {string[]} */ args, /** @type {NodeJS.ProcessEnv} */ env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on('SIGINT', () => {}); // the terminal already sent SIGINT to the child
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function ensureClientBuilt() {
  const { buildClientIfStale } = await import('./build-client.mjs');
  try {
    await buildClientIfStale(ROOT);
  } catch (error) {
    const first = String(error instanceof Error ? error.message : error)
      .split('\n')
      .find((line) => line.startsWith('error:'));
    throw new BootstrapError(
      `building the map client failed (${first ?? String(error)}); see the messages above.`,
    );
  }
}

const commands = {
  async start() {
    const port = Number(process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new BootstrapError(`PORT must be a whole number from 1 to 65535, not "${process.env.PORT}".`);
    }
    if (!(await isPortFree(port, '0.0.0.0'))) {
      throw new BootstrapError(
        `port ${port} is already in use: stop the program using it, or choose another with PORT=${port + 1} npm start.`,
      );
    }
    const db = await prepare({ browser: false, name: DATABASE });
    await ensureClientBuilt();
    const demo = demoPassword(DATA_DIR);
    return runTypeScript('scripts/serve.ts', [], {
      DATABASE_URL: db.url,
      PORT: String(port),
      ...(demo ? { DEMO_PASSWORD: demo } : {}),
    });
  },
  async test() {
    const db = await prepare({ browser: true, tests: true, name: DATABASE });
    await ensureClientBuilt();
    const testUrl = new URL(db.url);
    testUrl.pathname = `${testUrl.pathname}_test`;
    const results = path.join(DATA_DIR, 'jest-results.json');
    say('running the test suite');
    return runNode(
      [
        path.join(ROOT, 'node_modules/jest/bin/jest.js'),
        '--json',
        `--outputFile=${results}`,
        ...process.argv.slice(3),
      ],
      {
        TEST_DATABASE_URL: testUrl.toString(),
        ADMIN_DATABASE_URL: db.adminUrl,
        ONE_BLUEPRINT_DATA_DIR: DATA_DIR,
        DATABASE_URL: '',
        DEMO_PASSWORD: process.env.DEMO_PASSWORD ?? demoPassword(DATA_DIR) ?? 'test-only-password-1',
      },
    );
  },
  async seed() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/seed.ts', process.argv.slice(3), { DATABASE_URL: db.url });
  },
  async import() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/import.ts', process.argv.slice(3), {
      DATABASE_URL: db.url,
      ONE_BLUEPRINT_DATA_DIR: DATA_DIR,
    });
  },
  async bench() {
    const db = await prepare({ browser: false, name: `${DATABASE}_bench`, bench: true });
    return runTypeScript('bench/run.ts', process.argv.slice(3), {
      DATABASE_URL: db.url,
      ONE_BLUEPRINT_DATA_DIR: DATA_DIR,
    });
  },
  async admin() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/admin.ts', process.argv.slice(3), { DATABASE_URL: db.url });
  },
  async audit() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/audit.ts', process.argv.slice(3), { DATABASE_URL: db.url });
  },
  async migrate() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/migrate.ts', process.argv.slice(3), { DATABASE_URL: db.url });
  },
  async stop() {
    stopCluster(DATA_DIR);
    return 0;
  },
  async backup() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/backup.ts', process.argv.slice(3), {
      DATABASE_URL: db.url,
      ONE_BLUEPRINT_DATA_DIR: DATA_DIR,
    });
  },
  async restore() {
    const db = await prepare({ browser: false, name: DATABASE });
    return runTypeScript('scripts/restore.ts', process.argv.slice(3), {
      DATABASE_URL: db.url,
      ONE_BLUEPRINT_DATA_DIR: DATA_DIR,
    });
  },
};

/** @param {{ browser: boolean, name: string, tests?: boolean, bench?: boolean }} options */
async function prepare(options) {
  ensureSystemPackages({
    embeddedDatabase: !process.env.DATABASE_URL,
    browser: options.browser,
    tests: options.tests ?? false,
    bench: options.bench ?? false,
  });
  ensureNpmDependencies(ROOT);
  return database(options.name);
}

const name = process.argv[2] ?? '';
if (!(name in commands)) {
  exitWith(new BootstrapError(`unknown command "${name}": use one of ${Object.keys(commands).join(', ')}.`));
} else {
  commands[/** @type {keyof typeof commands} */ (name)]()
    .then((code) => process.exit(code))
    .catch(exitWith);
}
