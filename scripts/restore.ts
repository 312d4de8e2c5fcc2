// `npm run restore -- FILE`: checks every file of a backup against its manifest (a damaged backup is
// refused before anything changes), restores the database beside the current one and swaps it in once
// its row counts match the manifest, then puts the raster files in place. On any failure the current
// database and rasters are left as they were.
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../spatial-api';
import { unpackArchive } from './backup/archive';
import { DUMP, RASTERS, verifiedManifest } from './backup/manifest';
import { stageRestore } from './backup/restore-database';
import { failCleanly } from './fail-cleanly';

/** Puts incoming where current was, keeping current aside until it has. */
async function replaceFolder(incoming: string, current: string): Promise<void> {
  const aside = `${current}.before-restore`;
  await rm(aside, { recursive: true, force: true });
  const hadCurrent = existsSync(current);
  if (hadCurrent) await rename(current, aside);
  try {
    await rename(incoming, current);
  } catch (error) {
    if (hadCurrent) await rename(aside, current);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1)
    throw new Error('usage: npm run restore -- FILE (a .tar written by npm run backup)');
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(file)) throw new Error(`备份文件不存在 / no such backup: ${file}`);
  const config = readConfig();
  const staging = await mkdtemp(path.join(os.tmpdir(), 'one-blueprint-restore-'));
  const incoming = `${config.rasterDir}.restoring`;
  try {
    await unpackArchive(file, staging);
    const manifest = await verifiedManifest(staging);
    console.log(
      `» 备份校验通过 / the backup checks out: taken ${manifest.createdAt}, schema at ${manifest.migration}`,
    );
    console.log('» 正在恢复数据库 / restoring the database');
    const database = await stageRestore(config.databaseUrl, path.join(staging, DUMP), manifest.rowCounts);
    try {
      await rm(incoming, { recursive: true, force: true });
      await cp(path.join(staging, RASTERS), incoming, { recursive: true });
      await database.swap();
      try {
        await replaceFolder(incoming, config.rasterDir);
      } catch (error) {
        await database.unswap();
        throw error;
      }
    } finally {
      await database.finish();
    }
    const rasters = Object.keys(manifest.files).filter((f) => f.startsWith(`${RASTERS}/`)).length;
    console.log(
      `» 恢复完成 / restored: ${manifest.rowCounts.layer_features ?? 0} features and ${rasters} raster file(s) as of ${manifest.createdAt}`,
    );
  } finally {
    await rm(incoming, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

main().catch(failCleanly);
