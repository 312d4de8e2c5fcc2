// Migrations: all of them apply to an empty database, a second run applies none, and a failing one
// is rolled back whole.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, MigrationError, migrationFiles, MIGRATIONS_DIR } from '../../sql';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';

const tables = async (db: ScratchDatabase) =>
  (
    await db.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
  ).rows.map((r) => r.table_name);

describe('migrations', () => {
  let db: ScratchDatabase;
  beforeEach(async () => {
    db = await createScratchDatabase('migrations');
  });
  afterEach(async () => {
    await db.drop();
  });

  it('apply in order to an empty database and create the whole data model', async () => {
    const applied = await migrate(db.pool);
    expect(applied).toEqual(
      readdirSync(MIGRATIONS_DIR)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
    expect(await tables(db)).toEqual(
      expect.arrayContaining([
        'layers',
        'layer_versions',
        'layer_features',
        'layer_rasters',
        'projects',
        'project_site_versions',
        'planning_tasks',
        'planning_task_departments',
        'planning_opinions',
        'approval_records',
        'rule_sets',
        'rule_set_versions',
        'compliance_runs',
        'compliance_results',
        'users',
        'departments',
        'roles',
        'user_roles',
        'district_scopes',
        'api_keys',
        'audit_log',
        'schema_migrations',
      ]),
    );
    const { rows } = await db.pool.query<{ srid: number; n: string }>(
      "SELECT srid, count(*) AS n FROM geometry_columns WHERE f_table_schema = 'public' GROUP BY srid",
    );
    expect(rows.map((r) => r.srid)).toEqual([4490]);
    expect(await migrate(db.pool)).toEqual([]);
  });

  it('roll back a failing migration whole and say which one and where', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    for (const name of migrationFiles(MIGRATIONS_DIR).slice(0, 2))
      copyFileSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name));
    writeFileSync(
      path.join(dir, '003_broken.sql'),
      'CREATE TABLE half_done (id int);\n\nSELECT no_such_function();\n',
    );
    const failure = await migrate(db.pool, { directory: dir }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toMatch(
      /migration 003_broken\.sql failed at line 3: function no_such_function\(\) does not exist; it was rolled back/,
    );
    expect(await tables(db)).not.toContain('half_done');
    const { rows } = await db.pool.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    expect(rows.map((r) => r.name)).toEqual(['001_extensions.sql', '002_append_only_guard.sql']);
  });

  it('refuse a migration file not named NNN_what_it_does.sql', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    writeFileSync(path.join(dir, 'add stuff.sql'), 'SELECT 1;');
    await expect(migrate(db.pool, { directory: dir })).rejects.toThrow(/is not named NNN_what_it_does\.sql/);
  });
});
