// The import command as a user runs it, a process killed in the middle of an import (the layer keeps
// serving its previous version), and GeoTIFF imagery turned into a Cloud-Optimized GeoTIFF.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { createLayer } from '../../../layers';
import { importFile } from '../../../importers';
import { ROOT, testDatabaseUrl } from '../../support/environment';
import { freshLayer, sourceParcels, versionCount, workDir, writeJson } from '../../support/import-fixtures';
import { runCommand } from '../../support/run-command';
import { testAppConfig } from '../../support/app-config';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
afterAll(() => pool.end());
const dir = workDir('crash-');
const env = { DATABASE_URL: testDatabaseUrl(), ONE_BLUEPRINT_DATA_DIR: path.join(dir, 'data') };

async function layerState(code: string) {
  const { rows } = await pool.query<{ version_no: number; n: string }>(
    `SELECT v.version_no, (SELECT count(*) FROM layer_features f WHERE f.layer_version_id = v.id) AS n
     FROM layers l JOIN layer_versions v ON v.id = l.current_version_id WHERE l.code = $1`,
    [code],
  );
  return { ...rows[0], versions: await versionCount(pool, code) };
}

it('imports through `npm run import`, printing the version and the report summary', async () => {
  const layer = await freshLayer(pool);
  const file = writeJson(dir, 'cli.geojson', sourceParcels(12));
  const result = await runCommand(
    [path.join(ROOT, 'scripts/bootstrap.mjs'), 'import', file, '--layer', layer],
    env,
    ROOT,
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('imported as version 1');
  expect(result.stdout).toMatch(/读取12，入库12/);
  expect((await layerState(layer)).n).toBe('12');
});

it('answers a bad import with one clear line and a non-zero exit', async () => {
  const result = await runCommand(
    [
      path.join(ROOT, 'scripts/bootstrap.mjs'),
      'import',
      path.join(dir, 'missing.shp'),
      '--layer',
      'districts',
    ],
    env,
    ROOT,
  );
  expect(result.code).not.toBe(0);
  // progress lines are indented; the error is the one line that is not
  const lines = result.stderr
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('  ') && !l.startsWith('npm warn'));
  expect(lines).toEqual([expect.stringContaining('文件不存在')]);
});

it('leaves the previous version serving when the import process is killed mid-import', async () => {
  const layer = await freshLayer(pool);
  await importFile(pool, { layer, file: writeJson(dir, 'v1.geojson', sourceParcels(20)), rasterDir: dir });
  const before = await layerState(layer);
  const big = writeJson(dir, 'big.geojson', sourceParcels(100_000));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), big, '--layer', layer],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
    },
  );
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // the whole file is read once for its features' extents (they decide the CRS) before any is written
  const deadline = Date.now() + 120_000;
  while (!/读取文件: [1-9]/.test(output) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  expect(output).toMatch(/读取文件: [1-9]/); // killed while features were being written
  child.kill('SIGKILL');
  await exited;
  expect(await layerState(layer)).toEqual(before);
  // and the layer takes the next import normally
  await importFile(pool, { layer, file: writeJson(dir, 'v2.geojson', sourceParcels(3)), rasterDir: dir });
  expect(await layerState(layer)).toMatchObject({ version_no: before.version_no! + 1, n: '3' });
}, 180_000);

it('imports GeoTIFF imagery as a Cloud-Optimized GeoTIFF in EPSG:4490', async () => {
  const code = `imagery_test_${Date.now()}`;
  await createLayer(pool, { code, name: '测试影像', kind: 'imagery', geometryType: 'Raster' });
  const tif = path.join(dir, 'scene.tif');
  execFileSync('gdal_create', [
    '-q',
    '-of',
    'GTiff',
    '-outsize',
    '600',
    '400',
    '-bands',
    '3',
    '-ot',
    'Byte',
    '-burn',
    '90',
    '-burn',
    '120',
    '-burn',
    '80',
    '-a_srs',
    'EPSG:4538',
    '-a_ullr',
    '545000',
    '4855000',
    '551000',
    '4851000',
    tif,
  ]);
  // the test server's own raster folder, as the import command would use the server's
  const { rasterDir } = testAppConfig();
  const result = await importFile(pool, { layer: code, file: tif, rasterDir });
  expect(result.versionNo).toBe(1);
  const { rows } = await pool.query<{
    file_path: string;
    width_px: number;
    west: number;
    north: number;
    ground_resolution_m: number;
  }>(
    `SELECT r.file_path, r.width_px, ST_XMin(r.extent) AS west, ST_YMax(r.extent) AS north, r.ground_resolution_m
     FROM layer_rasters r JOIN layers l ON l.current_version_id = r.layer_version_id WHERE l.code = $1`,
    [code],
  );
  const raster = rows[0]!;
  expect(existsSync(raster.file_path)).toBe(true);
  expect(raster.west).toBeGreaterThan(87.5);
  expect(raster.north).toBeLessThan(43.9);
  expect(raster.ground_resolution_m).toBeGreaterThan(5);
  expect(raster.ground_resolution_m).toBeLessThan(15);
  const info = JSON.parse(execFileSync('gdalinfo', ['-json', raster.file_path], { encoding: 'utf8' })) as {
    metadata: Record<string, Record<string, string>>;
    coordinateSystem: { wkt: string };
  };
  expect(info.metadata.IMAGE_STRUCTURE?.LAYOUT).toBe('COG');
  expect(info.coordinateSystem.wkt).toContain('China Geodetic Coordinate System 2000');
});
