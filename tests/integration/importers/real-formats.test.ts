// Files made by GDAL's ogr2ogr, not by us, import with the same features, the same Chinese attributes
// and the same ellipsoidal areas (within 0.01 %) as their GeoJSON source.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { importFile } from '../../../importers';
import { testDatabaseUrl } from '../../support/environment';
import {
  currentFeatures,
  freshLayer,
  ogr2ogr,
  PARCEL_SCHEMA,
  sourceAreas,
  sourceParcels,
  workDir,
  writeJson,
} from '../../support/import-fixtures';
import { writeZip } from '../../support/zip-writer';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
afterAll(() => pool.end());

const source = sourceParcels(40);
const dir = workDir();
const geojson = writeJson(dir, 'source.geojson', source);
const rasterDir = path.join(dir, 'rasters');

function zipFolder(folder: string, prefix = ''): Buffer {
  const entries = readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? []
      : [{ name: `${prefix}${entry.name}`, data: readFileSync(path.join(folder, entry.name)) }],
  );
  return writeZip(entries);
}

async function expectSameAsSource(code: string, options: { attributes: boolean } = { attributes: true }) {
  const imported = await currentFeatures(pool, code);
  const expected = await sourceAreas(pool, source);
  expect(imported).toHaveLength(source.features.length);
  for (const feature of source.features) {
    const key = String(feature.properties?.code);
    const area = expected.get(key)!;
    const got = options.attributes
      ? imported.find((f) => f.key === key)
      : imported.find((f) => Math.abs(f.area / area - 1) < 1e-4);
    expect({ key, found: got !== undefined }).toEqual({ key, found: true });
    expect(Math.abs(got!.area / area - 1)).toBeLessThan(1e-4);
    if (options.attributes) {
      expect(got!.properties).toMatchObject({
        name: feature.properties?.name,
        land_use_code: feature.properties?.land_use_code,
        far: feature.properties?.far,
      });
    }
  }
}

describe('importing files made by ogr2ogr', () => {
  it('reads a zipped Shapefile in a prefixed GK zone with GBK attributes and no .cpg', async () => {
    const shp = path.join(dir, 'gk29');
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      shp,
      geojson,
      '-nln',
      '地块',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4517',
      '-lco',
      'ENCODING=CP936',
    ]);
    rmSync(path.join(shp, '地块.cpg'));
    const dbf = readFileSync(path.join(shp, '地块.dbf'));
    expect(dbf.includes(Buffer.from('生态', 'utf8'))).toBe(false); // really GBK
    const zip = path.join(dir, 'gk29.zip');
    writeFileSync(zip, zipFolder(shp, 'data/'));
    const layer = await freshLayer(pool);
    const result = await importFile(pool, { layer, file: zip, fileName: '控规地块.zip', rasterDir });
    expect(result.report.source.crs).toMatchObject({ code: 'EPSG:4517', how: 'declared' });
    expect(result.report.source.encoding).toEqual({ name: 'GBK', how: 'detected' });
    expect(result.report.source.format).toBe('ESRI Shapefile');
    await expectSameAsSource(layer);
  });

  it('reads a GeoPackage in the unprefixed GK zone of 87°E', async () => {
    const gpkg = path.join(dir, 'plan.gpkg');
    ogr2ogr(['-f', 'GPKG', gpkg, geojson, '-nln', '规划地块', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4538']);
    const layer = await freshLayer(pool);
    const result = await importFile(pool, { layer, file: gpkg, fileName: 'plan.gpkg', rasterDir });
    expect(result.report.source.crs).toMatchObject({ code: 'EPSG:4538', how: 'declared' });
    await expectSameAsSource(layer);
  });

  it('reads a Shapefile in a Xian 1980 zone named by its .prj', async () => {
    const shp = path.join(dir, 'xian80');
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      shp,
      geojson,
      '-nln',
      'parcels',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:2374',
      '-lco',
      'ENCODING=UTF-8',
    ]);
    const layer = await freshLayer(pool);
    const result = await importFile(pool, { layer, file: path.join(shp, 'parcels.shp'), rasterDir });
    expect(result.report.source.crs).toMatchObject({ code: 'EPSG:2374', how: 'declared' });
    await expectSameAsSource(layer);
  });

  it('reads a zipped File Geodatabase', async () => {
    const gdb = path.join(dir, 'survey.gdb');
    ogr2ogr([
      '-f',
      'OpenFileGDB',
      gdb,
      geojson,
      '-nln',
      'parcels',
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
    ]);
    const zip = path.join(dir, 'survey.zip');
    writeFileSync(zip, zipFolder(gdb, 'survey.gdb/'));
    const layer = await freshLayer(pool);
    const result = await importFile(pool, { layer, file: zip, fileName: 'survey.zip', rasterDir });
    expect(result.report.source.format).toBe('File Geodatabase');
    await expectSameAsSource(layer);
  });

  it('reads KML', async () => {
    const kml = path.join(dir, 'sites.kml');
    ogr2ogr(['-f', 'KML', kml, geojson, '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4326']);
    const layer = await freshLayer(pool);
    await importFile(pool, { layer, file: kml, fileName: 'sites.kml', rasterDir });
    await expectSameAsSource(layer);
  });

  it('reads CSV with a WKT column and guesses CGCS2000 longitude/latitude', async () => {
    const csv = path.join(dir, 'parcels.csv');
    ogr2ogr(['-f', 'CSV', csv, geojson, '-lco', 'GEOMETRY=AS_WKT']);
    const layer = await freshLayer(pool);
    const result = await importFile(pool, { layer, file: csv, fileName: 'parcels.csv', rasterDir });
    expect(result.report.source.crs).toMatchObject({ code: 'EPSG:4490', how: 'guessed' });
    await expectSameAsSource(layer);
  });

  it('reads DXF drawn in a GK zone, given its CRS', async () => {
    const dxf = path.join(dir, 'design.dxf');
    ogr2ogr(['-f', 'DXF', dxf, geojson, '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4538']);
    const layer = await freshLayer(pool, { attributeSchema: [] });
    const result = await importFile(pool, {
      layer,
      file: dxf,
      fileName: 'design.dxf',
      srs: 'EPSG:4538',
      rasterDir,
    });
    expect(result.report.source.crs).toMatchObject({ code: 'EPSG:4538', how: 'given' });
    await expectSameAsSource(layer, { attributes: false });
  });

  it('reads a bare Shapefile beside its sidecars, with a UTF-8 .cpg', async () => {
    const shp = path.join(dir, 'utf8');
    ogr2ogr(['-f', 'ESRI Shapefile', shp, geojson, '-nln', 'parcels', '-lco', 'ENCODING=UTF-8']);
    const layer = await freshLayer(pool, { attributeSchema: PARCEL_SCHEMA });
    const result = await importFile(pool, {
      layer,
      file: path.join(shp, 'parcels.shp'),
      fileName: 'parcels.shp',
      rasterDir,
    });
    expect(result.report.source.encoding).toEqual({ name: 'UTF-8', how: 'cpg' });
    await expectSameAsSource(layer);
  });
});
