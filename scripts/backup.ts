// `npm run backup [-- --out FILE]`: one tar file holding the database (pg_dump custom format), the
// raster files and a manifest with the sha256 of each, the row count of every table, the migration
// level and the time. Default: backups/one-blueprint-<time>.tar in the checkout.
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packFolder } from './backup/archive';
import { DUMP, RASTERS, writeManifest } from './backup/manifest';
import { dumpDatabase } from './backup/postgres-tools';
import { databaseName } from './backup/restore-database';
import { migrationLevel, tableCounts } from './backup/table-counts';
import { checkConnection, createPool, readConfig } from '../spatial-api';
import { failCleanly } from './fail-cleanly';

const ROOT = path.resolve(__dirname, '..');

/** Copies the raster files (not the hidden .partial files of imports under way). */
async function copyRasters(from: string, to: string): Promise<number> {
  const names = await readdir(from).catch(() => [] as string[]);
  let copied = 0;
  await mkdir(to, { recursive: true });
  for (const name of names) {
    if (name.startsWith('.') || !(await stat(path.join(from, name))).isFile()) continue;
    await copyFile(path.join(from, name), path.join(to, name));
    copied++;
  }
  return copied;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const time = new Date();
  const out = values.out
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
    : path.join(ROOT, 'backups', `one-blueprint-${time.toISOString().replace(/[:.]/g, '-')}.tar`);
  const config = readConfig();
  const pool = createPool(config.databaseUrl, 1);
  try {
    await checkConnection(pool, config.databaseUrl); // as it is: a backup does not migrate
  } catch (error) {
    await pool.end();
    throw error;
  }
  const staging = await mkdtemp(path.join(os.tmpdir(), 'one-blueprint-backup-'));
  try {
    // the counts and the dump see the same snapshot, so a restore can check the one against the other
    const client = await pool.connect();
    let rowCounts: Record<string, number>;
    let migration: string | null;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      rowCounts = await tableCounts(client);
      migration = await migrationLevel(client);
      console.log('» 正在导出数据库 / dumping the database');
      await dumpDatabase(config.databaseUrl, path.join(staging, DUMP), rows[0]!.snapshot);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
    const rasters = await copyRasters(config.rasterDir, path.join(staging, RASTERS));
    await writeManifest(staging, {
      createdAt: time.toISOString(),
      database: databaseName(config.databaseUrl),
      migration,
      rowCounts,
    });
    await mkdir(path.dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    await packFolder(staging, partial);
    await rename(partial, out);
    const megabytes = ((await stat(out)).size / 1024 ** 2).toFixed(1);
    console.log(
      `» 备份完成 / backup written: ${out} (${megabytes} MB, ${rasters} raster file(s), ${rowCounts.layer_features ?? 0} features, schema at ${migration})`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
    await pool.end();
  }
}

main().catch(failCleanly);
