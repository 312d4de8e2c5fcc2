// Bad input to the import pipeline: each answers an ImportError naming the problem, writes nothing,
// and leaves the layer serving its previous version.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { ImportError, importFile, ImportRejected } from '../../../importers';
import { testDatabaseUrl } from '../../support/environment';
import {
  freshLayer,
  ogr2ogr,
  sourceParcels,
  versionCount,
  workDir,
  writeJson,
} from '../../support/import-fixtures';
import { writeZip } from '../../support/zip-writer';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
afterAll(() => pool.end());

const dir = workDir('bad-input-');
const rasterDir = path.join(dir, 'rasters');
const good = writeJson(dir, 'good.geojson', sourceParcels(5));
let layer: string;

beforeAll(async () => {
  layer = await freshLayer(pool);
  await importFile(pool, { layer, file: good, fileName: 'good.geojson', rasterDir });
});

async function currentState() {
  const { rows } = await pool.query<{ current_version_id: string; n: string }>(
    `SELECT l.current_version_id, (SELECT count(*) FROM layer_features f WHERE f.layer_version_id = l.current_version_id) AS n
     FROM layers l WHERE l.code = $1`,
    [layer],
  );
  return { ...rows[0], versions: await versionCount(pool, layer) };
}

/** Imports `file`, expects an ImportError with `code`, and that nothing changed. */
async function refuses(
  file: string,
  code: string,
  extra: { srs?: string; encoding?: 'UTF-8' | 'GBK' } = {},
): Promise<ImportError> {
  const before = await currentState();
  const error = await importFile(pool, {
    layer,
    file,
    fileName: path.basename(file),
    rasterDir,
    ...extra,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect((error as ImportError).message).toMatch(/ \/ /); // Chinese, then English
  expect(await currentState()).toEqual(before);
  return error as ImportError;
}

function shapefile(name: string, options: string[] = []): string {
  const out = path.join(dir, name);
  ogr2ogr(['-f', 'ESRI Shapefile', out, good, '-nln', 'parcels', ...options]);
  return out;
}

const zipOf = (folder: string, names: string[]) =>
  writeZip(names.map((n) => ({ name: n, data: readFileSync(path.join(folder, n)) })));

describe('the import pipeline refuses', () => {
  it('a zip without .shp or .dbf', async () => {
    const folder = shapefile('no-dbf');
    const noDbf = path.join(dir, 'no-dbf.zip');
    writeFileSync(noDbf, zipOf(folder, ['parcels.shp', 'parcels.shx', 'parcels.prj']));
    const error = await refuses(noDbf, 'missing_component');
    expect(error.details).toMatchObject({ missing: '.dbf' });
    const noShp = path.join(dir, 'no-shp.zip');
    writeFileSync(noShp, zipOf(folder, ['parcels.dbf', 'parcels.prj']));
    expect((await refuses(noShp, 'missing_component')).details).toMatchObject({ missing: '.shp' });
  });

  it('a zip entry that escapes the folder (zip-slip)', async () => {
    const file = path.join(dir, 'slip.zip');
    writeFileSync(file, writeZip([{ name: '../../evil.shp', data: 'x' }]));
    await refuses(file, 'zip_slip');
  });

  it('a zip bomb', async () => {
    const file = path.join(dir, 'bomb.zip');
    writeFileSync(file, writeZip([{ name: 'parcels.dbf', data: Buffer.alloc(64 * 1024 * 1024) }]));
    await refuses(file, 'zip_bomb');
  });

  it('a .shp whose record count disagrees with its .dbf', async () => {
    const folder = shapefile('mismatch');
    const dbf = readFileSync(path.join(folder, 'parcels.dbf'));
    dbf.writeUInt32LE(dbf.readUInt32LE(4) - 1, 4);
    writeFileSync(path.join(folder, 'parcels.dbf'), dbf);
    const error = await refuses(path.join(folder, 'parcels.shp'), 'record_count_mismatch');
    expect(error.details).toEqual({ shapes: 5, records: 4 });
  });

  it('an unknown .prj', async () => {
    const folder = shapefile('unknown-prj');
    writeFileSync(path.join(folder, 'parcels.prj'), 'PROJCS["nonsense"');
    await refuses(path.join(folder, 'parcels.shp'), 'unknown_crs');
  });

  it('a .prj that contradicts the coordinates', async () => {
    const folder = shapefile('contradictory-prj', ['-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4538']);
    execFileSync('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:4490'], { encoding: 'utf8' });
    writeFileSync(
      path.join(folder, 'parcels.prj'),
      execFileSync('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:4490'], { encoding: 'utf8' }).trim(),
    );
    const error = await refuses(path.join(folder, 'parcels.shp'), 'contradictory_crs');
    expect(error.message).toContain('EPSG:4490');
  });

  it('a given CRS that contradicts the coordinates', async () => {
    await refuses(good, 'contradictory_crs', { srs: 'EPSG:4538' });
  });

  it('coordinates that fit no known CRS', async () => {
    const file = writeJson(dir, 'nowhere.geojson', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'A', name: '甲' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [1, 1],
                [900, 1],
                [900, 900],
                [1, 1],
              ],
            ],
          },
        },
      ],
    });
    await refuses(file, 'crs_not_detected');
  });

  it('a self-intersecting ring whose repair would change its area, and lists it in the report', async () => {
    const source = sourceParcels(3);
    source.features[1]!.geometry.coordinates = [
      [
        [87.6, 43.8],
        [87.61, 43.81],
        [87.61, 43.8],
        [87.6, 43.81],
        [87.6, 43.8],
      ],
    ];
    const error = await refuses(writeJson(dir, 'bowtie.geojson', source), 'validation_failed');
    const report = (error as ImportRejected).report;
    expect(report.issues).toEqual([
      expect.objectContaining({ feature: 2, key: 'DK-00002', severity: 'error', code: 'invalid_geometry' }),
    ]);
    expect(report.counts).toMatchObject({ read: 3, rejected: 1 });
  });

  it('an unclosed ring', async () => {
    const source = sourceParcels(2);
    source.features[0]!.geometry.coordinates[0]!.pop();
    const error = await refuses(writeJson(dir, 'unclosed.geojson', source), 'validation_failed');
    expect((error as ImportRejected).report.issues[0]).toMatchObject({ feature: 1, code: 'unclosed_ring' });
  });

  it('a polygon of two million vertices', async () => {
    const n = 2_000_000;
    const ring = Array.from({ length: n }, (_, i) => {
      const t = (2 * Math.PI * i) / n;
      return [87.6 + 0.01 * Math.cos(t), 43.8 + 0.01 * Math.sin(t)];
    });
    ring.push(ring[0]!);
    const file = writeJson(dir, 'huge.geojson', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'BIG', name: '大' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    });
    const error = await refuses(file, 'too_many_vertices');
    expect(error.details).toMatchObject({ feature: 1, vertices: n + 1 });
  }, 120_000);

  it('a GeoJSON with mixed geometry types, rejecting the feature of the other kind', async () => {
    const source = sourceParcels(2) as { features: unknown[] };
    source.features.push({
      type: 'Feature',
      properties: { code: 'P', name: '点' },
      geometry: { type: 'Point', coordinates: [87.6, 43.8] },
    });
    const error = await refuses(writeJson(dir, 'mixed.geojson', source), 'validation_failed');
    const report = (error as ImportRejected).report;
    expect(report.issues).toEqual([
      expect.objectContaining({ feature: 3, key: 'P', severity: 'error', code: 'geometry_type_mismatch' }),
    ]);
    expect(report.counts).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
  });

  it('a text file in an encoding that is neither UTF-8 nor GBK, or not the one given', async () => {
    const utf16 = path.join(dir, 'boundary.txt');
    writeFileSync(
      utf16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('[属性描述]\r\n坐标系=2000国家大地坐标系\r\n', 'utf16le'),
      ]),
    );
    await refuses(utf16, 'encoding');
    const csv = path.join(dir, 'gbk.csv');
    writeFileSync(
      csv,
      Buffer.from([
        0x57, 0x4b, 0x54, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x22, 0x50, 0x4f, 0x49, 0x4e, 0x54, 0x20, 0x28,
        0x38, 0x37, 0x20, 0x34, 0x33, 0x29, 0x22, 0x2c, 0xc9, 0xfa, 0xcc, 0xac, 0x0a,
      ]),
    );
    await refuses(csv, 'encoding', { encoding: 'UTF-8' });
  });

  it('an empty file', async () => {
    const file = path.join(dir, 'empty.geojson');
    writeFileSync(file, '');
    await refuses(file, 'empty_file');
  });

  it('a file with no features', async () => {
    await refuses(writeJson(dir, 'none.geojson', { type: 'FeatureCollection', features: [] }), 'empty_file');
  });

  it('a layer that does not exist', async () => {
    const error = await importFile(pool, { layer: 'no_such_layer', file: good, rasterDir }).catch(
      (e: ImportError) => e,
    );
    expect(error).toMatchObject({ code: 'unknown_layer' });
  });
});

describe('the validation report', () => {
  it('repairs a small self-intersection and warns of duplicates, codes outside the list and features outside the city', async () => {
    const source = sourceParcels(4);
    // a spike of a few centimetres: invalid, and its repair changes the area far below 0.1 %
    const [a, b, c, d] = source.features[0]!.geometry.coordinates[0]! as number[][];
    source.features[0]!.geometry.coordinates = [
      [a!, b!, [b![0]! + 0.0000005, b![1]! + 0.0001], [b![0]! - 0.0000005, b![1]! + 0.0001], b!, c!, d!, a!],
    ];
    source.features[3]!.geometry = source.features[2]!.geometry;
    source.features[2]!.properties!.land_use_code = '9999';
    source.features.push({
      type: 'Feature',
      properties: { code: 'FAR-1', name: '市外地块' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [89.9, 45.9],
            [89.91, 45.9],
            [89.91, 45.91],
            [89.9, 45.91],
            [89.9, 45.9],
          ],
        ],
      },
    });
    const target = await freshLayer(pool);
    const result = await importFile(pool, {
      layer: target,
      file: writeJson(dir, 'warnings.geojson', source),
      fileName: 'warnings.geojson',
      rasterDir,
    });
    const codes = result.report.issues.map((i) => [i.feature, i.severity, i.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [1, 'repaired', 'invalid_geometry_repaired'],
        [3, 'warning', 'code_not_in_list'],
        [4, 'warning', 'duplicate_geometry'],
        [5, 'warning', 'outside_city'],
      ]),
    );
    expect(result.report.counts).toMatchObject({ read: 5, loaded: 5, repaired: 1, rejected: 0 });
    const { rows } = await pool.query<{ valid: boolean }>(
      `SELECT bool_and(ST_IsValid(f.geom)) AS valid FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = $1`,
      [target],
    );
    expect(rows[0]?.valid).toBe(true);
  });

  it('refuses features missing a required attribute', async () => {
    const source = sourceParcels(2);
    delete source.features[1]!.properties!.name;
    const error = await refuses(writeJson(dir, 'missing.geojson', source), 'validation_failed');
    expect((error as ImportRejected).report.issues[0]).toMatchObject({
      feature: 2,
      code: 'missing_attribute',
      details: { attribute: 'name' },
    });
  });
});
