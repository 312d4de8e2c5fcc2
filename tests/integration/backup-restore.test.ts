// `npm run backup` and `npm run restore`: a backup of a database with vector versions and imagery,
// wiped, comes back with the same rows and the same raster files; a damaged backup is refused and
// changes nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { importFile } from '../../importers';
import { createLayer } from '../../layers';
import { migrate } from '../../sql';
import { ROOT } from '../support/environment';
import { freshLayer, sourceParcels, workDir, writeJson } from '../support/import-fixtures';
import { runCommand } from '../support/run-command';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';

const bootstrap = path.join(ROOT, 'scripts', 'bootstrap.mjs');
const dir = workDir('backup-');
const dataDir = path.join(dir, 'data');
const rasterDir = path.join(dataDir, 'rasters');
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase('backup');
  await migrate(scratch.pool);
  const parcels = await freshLayer(scratch.pool);
  await importFile(scratch.pool, {
    layer: parcels,
    file: writeJson(dir, 'v1.geojson', sourceParcels(30)),
    rasterDir,
  });
  await importFile(scratch.pool, {
    layer: parcels,
    file: writeJson(dir, 'v2.geojson', sourceParcels(25)),
    rasterDir,
  });
  await createLayer(scratch.pool, {
    code: 'imagery_backup',
    name: '备份测试影像',
    kind: 'imagery',
    geometryType: 'Raster',
  });
  const tif = path.join(dir, 'scene.tif');
  execFileSync('gdal_create', [
    ...['-q', '-of', 'GTiff', '-outsize', '300', '200', '-bands', '3', '-ot', 'Byte'],
    ...['-burn', '90', '-burn', '120', '-burn', '80', '-a_srs', 'EPSG:4538'],
    ...['-a_ullr', '545000', '4855000', '551000', '4851000', tif],
  ]);
  await importFile(scratch.pool, { layer: 'imagery_backup', file: tif, rasterDir });
}, 60_000);

afterAll(async () => {
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** What must survive: row counts, every feature row, and the raster files' bytes. */
async function fingerprint(url: string) {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const count = async (table: string) =>
      Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const { rows } = await pool.query<{ md5: string }>(
      "SELECT md5(string_agg(f::text, E'\\n' ORDER BY f.id)) AS md5 FROM layer_features f",
    );
    const rasters = Object.fromEntries(
      readdirSync(rasterDir)
        .sort()
        .map((name) => [
          name,
          createHash('sha256')
            .update(readFileSync(path.join(rasterDir, name)))
            .digest('hex'),
        ]),
    );
    return {
      layers: await count('layers'),
      layerVersions: await count('layer_versions'),
      layerFeatures: await count('layer_features'),
      layerRasters: await count('layer_rasters'),
      migrations: await count('schema_migrations'),
      featuresMd5: rows[0]!.md5,
      rasters,
    };
  } finally {
    await pool.end();
  }
}

const env = () => ({ DATABASE_URL: scratch.url, ONE_BLUEPRINT_DATA_DIR: dataDir });

/** Standard error without npm's warnings (the set-up may run npm install first). */
const errorLines = (stderr: string) =>
  stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));

it('backs up, and restores after a wipe the same rows and raster files', async () => {
  const before = await fingerprint(scratch.url);
  expect(before.layerFeatures).toBe(55);
  expect(Object.keys(before.rasters)).toHaveLength(1);

  const archive = path.join(dir, 'nightly.tar');
  const backup = await runCommand([bootstrap, 'backup', '--out', archive], env(), ROOT);
  expect(errorLines(backup.stderr)).toEqual([]);
  expect(backup.code).toBe(0);
  const listing = execFileSync('tar', ['-tf', archive]).toString();
  expect(listing).toMatch(/manifest\.json/);
  expect(listing).toMatch(/database\.dump/);
  expect(listing).toMatch(/rasters\/imagery_backup-v1\.tif/);

  await scratch.pool.query('DROP SCHEMA published CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  rmSync(rasterDir, { recursive: true });
  mkdirSync(rasterDir);

  const restore = await runCommand([bootstrap, 'restore', archive], env(), ROOT);
  expect(errorLines(restore.stderr)).toEqual([]);
  expect(restore.code).toBe(0);
  expect(restore.stdout).toContain('restored: 55 features and 1 raster file(s)');
  expect(await fingerprint(scratch.url)).toEqual(before);
}, 240_000);

it('refuses a damaged backup with one line and leaves the database and rasters as they were', async () => {
  const archive = path.join(dir, 'good.tar');
  expect((await runCommand([bootstrap, 'backup', '--out', archive], env(), ROOT)).code).toBe(0);
  const unpacked = path.join(dir, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xf', archive, '-C', unpacked]);
  appendFileSync(path.join(unpacked, 'rasters', 'imagery_backup-v1.tif'), 'x');
  const damaged = path.join(dir, 'damaged.tar');
  execFileSync('tar', ['-cf', damaged, '-C', unpacked, '.']);

  const before = await fingerprint(scratch.url);
  const result = await runCommand([bootstrap, 'restore', damaged], env(), ROOT);
  expect(result.code).not.toBe(0);
  const lines = errorLines(result.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /the backup is damaged: rasters\/imagery_backup-v1\.tif does not match its checksum/,
  );
  expect(result.stdout).not.toContain('restoring the database');
  expect(await fingerprint(scratch.url)).toEqual(before);
}, 240_000);
