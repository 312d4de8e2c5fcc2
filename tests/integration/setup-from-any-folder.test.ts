// The README's commands work wherever the project was cloned: a checkout under a folder only root can
// enter (root's home is 0700 on Debian) gets its cluster in /var/lib/one-blueprint, which a second run,
// and `npm stop`, find again through .data/cluster.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { MIGRATIONS_DIR } from '../../sql';
import { ROOT } from '../support/environment';
import { runCommand } from '../support/run-command';

const asRoot = process.getuid?.() === 0;
const PG_CTL = '/usr/lib/postgresql/15/bin/pg_ctl';

/**
 * The project as a user would have it: its files, and node_modules hard-linked (a copy is slow) with a
 * stamp of its own saying it matches package-lock.json, so the set-up neither reinstalls nor writes
 * through a link into the original.
 */
function copyCheckout(into: string): void {
  execFileSync('sh', [
    '-c',
    'tar -C "$1" --exclude=./node_modules --exclude=./.data --exclude=./.git --exclude=./map-client/dist -cf - . | tar -C "$2" -xf - && cp -al "$1/node_modules" "$2/node_modules"',
    'copy',
    path.resolve(ROOT),
    into,
  ]);
  const stamp = path.join(into, 'node_modules', '.one-blueprint-lock.sha256');
  rmSync(stamp, { force: true });
  const lock = readFileSync(path.join(into, 'package-lock.json'));
  writeFileSync(stamp, createHash('sha256').update(lock).digest('hex'));
}

(asRoot ? describe : describe.skip)('set-up in a checkout the postgres user cannot reach', () => {
  let parent: string;
  let checkout: string;
  let home: string | undefined;
  const env = { ONE_BLUEPRINT_DATA_DIR: undefined, DATABASE_URL: undefined };
  const bootstrap = (command: string) =>
    runCommand([path.join(checkout, 'scripts', 'bootstrap.mjs'), command], env, checkout);

  beforeAll(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'private-home-'));
    chmodSync(parent, 0o700);
    checkout = path.join(parent, 'one-blueprint');
    execFileSync('mkdir', [checkout]);
    copyCheckout(checkout);
  });

  afterAll(() => {
    if (home && existsSync(path.join(home, 'pg', 'postmaster.pid'))) {
      execFileSync('runuser', [
        '-u',
        'postgres',
        '--',
        PG_CTL,
        'stop',
        '-m',
        'immediate',
        '-D',
        `${home}/pg`,
      ]);
    }
    if (home?.startsWith('/var/lib/one-blueprint/')) rmSync(home, { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  it('puts the cluster under /var/lib, says so, and a second run and npm stop find it', async () => {
    const dataDir = path.join(checkout, '.data');
    const first = await bootstrap('migrate');
    expect(first.stderr).not.toContain('cannot reach');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('installing npm dependencies');
    const state = JSON.parse(readFileSync(path.join(dataDir, 'cluster.json'), 'utf8')) as {
      host: string;
      port: number;
      user: string;
      password: string;
      home?: string;
    };
    home = state.home;
    expect(home).toMatch(/^\/var\/lib\/one-blueprint\/[0-9a-f]{12}$/);
    expect(first.stdout).toContain(
      `» the database lives in ${home} (the postgres user cannot reach ${dataDir})`,
    );
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    expect(statSync(path.join(home!, 'pg')).uid).toBe(postgresUid);
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);

    const pool = new Pool({
      host: state.host,
      port: state.port,
      user: state.user,
      password: state.password,
      database: 'one_blueprint',
      max: 1,
    });
    try {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]!.n)).toBe(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
    } finally {
      await pool.end();
    }

    const second = await bootstrap('migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('creating the local PostgreSQL cluster');
    expect(second.stdout).toContain('the schema is up to date');

    const stop = await bootstrap('stop');
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('stopped the local PostgreSQL cluster');
    expect(existsSync(path.join(home!, 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
