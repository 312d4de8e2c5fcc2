// Every feature of an imported file is accounted for: read = loaded + rejected, each rejection with its
// feature number (its place in the file) and reason, all problems of a file in one report, whatever the
// format; the CRS comes from the format or the bulk of the data, and an outlier is a bad feature.
import { signIn, type SignedIn } from '../../support/access';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { Pool } from 'pg';
import { ImportError, importFile, ImportRejected, type ValidationReport } from '../../../importers';
import { createApp, importJobsOf } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import {
  freshLayer,
  ogr2ogr,
  sourceParcels,
  versionCount,
  workDir,
  writeJson,
} from '../../support/import-fixtures';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
afterAll(() => pool.end());

const dir = workDir('accounting-');
const rasterDir = path.join(dir, 'rasters');

/** `count` good parcels, with the features at the given 1-based places replaced. */
function careless(count: number, replaced: Record<number, Geometry | null>): FeatureCollection {
  const source = sourceParcels(count) as FeatureCollection;
  for (const [place, geometry] of Object.entries(replaced)) {
    (source.features[Number(place) - 1] as Feature).geometry = geometry as Geometry;
  }
  return source;
}

const square = (lon: number, lat: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.001, lat],
      [lon + 0.001, lat + 0.001],
      [lon, lat + 0.001],
      [lon, lat],
    ],
  ],
});
const LINE: Geometry = {
  type: 'LineString',
  coordinates: [
    [87.6, 43.8],
    [87.61, 43.81],
  ],
};

/** Imports `file` into a fresh layer, expects it refused for its report, and that no version was made. */
async function refusedReport(file: string, options: { srs?: string } = {}): Promise<ValidationReport> {
  const layer = await freshLayer(pool);
  const error = await importFile(pool, {
    layer,
    file,
    fileName: path.basename(file),
    rasterDir,
    ...options,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  expect(await versionCount(pool, layer)).toBe(0);
  const report = (error as ImportRejected).report;
  expect(report.counts.read).toBe(report.counts.loaded + report.counts.rejected);
  return report;
}

const problems = (report: ValidationReport) =>
  report.issues.filter((i) => i.severity === 'error').map((i) => [i.feature, i.code]);

describe('an import accounts for every feature', () => {
  it('rejects a GeoJSON feature with "geometry": null as missing_geometry, with its number', async () => {
    const file = writeJson(dir, 'null-geometry.geojson', careless(8, { 4: null }));
    const report = await refusedReport(file);
    expect(report.counts).toMatchObject({ read: 8, loaded: 7, rejected: 1 });
    expect(problems(report)).toEqual([[4, 'missing_geometry']]);
    expect(report.issues[0]).toMatchObject({ key: 'DK-00004' });
  });

  it('takes a GeoJSON without "crs" as longitude/latitude and reports a parcel at longitude 200 as out_of_range', async () => {
    const file = writeJson(dir, 'lon-200.geojson', careless(8, { 6: square(200, 43.8) }));
    const report = await refusedReport(file);
    expect(report.source.crs).toMatchObject({ code: 'EPSG:4326', how: 'format' });
    expect(report.counts).toMatchObject({ read: 8, loaded: 7, rejected: 1 });
    expect(problems(report)).toEqual([[6, 'out_of_range']]);
    expect(report.issues[0]?.message).toContain('200');
  });

  it('rejects a line among polygons as one geometry_type_mismatch and reports every problem of the file at once', async () => {
    const file = writeJson(
      dir,
      'everything-wrong.geojson',
      careless(10, { 2: LINE, 5: null, 7: square(200, 43.8), 9: LINE }),
    );
    const report = await refusedReport(file);
    expect(report.counts).toMatchObject({ read: 10, loaded: 6, rejected: 4 });
    expect(problems(report)).toEqual([
      [2, 'geometry_type_mismatch'],
      [5, 'missing_geometry'],
      [7, 'out_of_range'],
      [9, 'geometry_type_mismatch'],
    ]);
  });

  it('accounts for a Shapefile record with a null shape', async () => {
    const folder = path.join(dir, 'null-shape');
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      folder,
      writeJson(dir, 'for-shapefile.geojson', careless(6, { 3: null })),
      '-nln',
      'parcels',
    ]);
    const report = await refusedReport(path.join(folder, 'parcels.shp'));
    expect(report.counts).toMatchObject({ read: 6, loaded: 5, rejected: 1 });
    expect(problems(report)).toEqual([[3, 'missing_geometry']]);
  });

  it('accounts for a KML placemark without geometry', async () => {
    const kml = path.join(dir, 'no-geometry.kml');
    ogr2ogr(['-f', 'KML', kml, writeJson(dir, 'for-kml.geojson', careless(5, { 2: null }))]);
    expect(readFileSync(kml, 'utf8').match(/<Placemark>/g)).toHaveLength(5);
    const report = await refusedReport(kml);
    expect(report.source.crs).toMatchObject({ code: 'EPSG:4326', how: 'format' });
    expect(report.counts).toMatchObject({ read: 5, loaded: 4, rejected: 1 });
    expect(problems(report)).toEqual([[2, 'missing_geometry']]);
  });

  it('decides a declared Gauss-Krüger CRS from the bulk of the features and reports the outliers, also one that cannot be converted', async () => {
    const converted = path.join(dir, 'gk.geojson');
    ogr2ogr([
      '-f',
      'GeoJSON',
      converted,
      writeJson(dir, 'for-gk.geojson', sourceParcels(12)),
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
      '-lco',
      'RFC7946=NO',
    ]);
    const gk = JSON.parse(readFileSync(converted, 'utf8')) as FeatureCollection<Polygon>;
    // feature 5 moved 5,000 km east (no longer convertible), feature 11 to the origin of the zone
    gk.features[4]!.geometry.coordinates = gk.features[4]!.geometry.coordinates.map((ring) =>
      ring.map(([x, y]) => [x! + 5_000_000_000, y!]),
    );
    gk.features[10]!.geometry = square(0, 0) as Polygon;
    const folder = path.join(dir, 'gk-outliers');
    ogr2ogr(['-f', 'ESRI Shapefile', folder, writeJson(dir, 'gk-bent.geojson', gk), '-nln', 'parcels']);
    const report = await refusedReport(path.join(folder, 'parcels.shp'));
    expect(report.source.crs).toMatchObject({ code: 'EPSG:4538', how: 'declared' });
    expect(report.counts).toMatchObject({ read: 12, loaded: 10, rejected: 2 });
    expect(problems(report)).toEqual([
      [5, 'out_of_range'],
      [11, 'out_of_range'],
    ]);
  });

  it('guesses the CRS of a file without one from the bulk of its features', async () => {
    const csv = path.join(dir, 'outlier.csv');
    ogr2ogr([
      '-f',
      'CSV',
      csv,
      writeJson(dir, 'for-csv.geojson', careless(9, { 9: square(200, 43.8) })),
      '-lco',
      'GEOMETRY=AS_WKT',
    ]);
    const report = await refusedReport(csv);
    expect(report.source.crs).toMatchObject({ code: 'EPSG:4490', how: 'guessed' });
    expect(problems(report)).toEqual([[9, 'out_of_range']]);
  });

  it('still refuses a GeoJSON none of whose coordinates are longitude/latitude, saying which CRS they look like', async () => {
    const converted = path.join(dir, 'all-gk.geojson');
    ogr2ogr([
      '-f',
      'GeoJSON',
      converted,
      writeJson(dir, 'for-all-gk.geojson', sourceParcels(3)),
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
      '-lco',
      'RFC7946=NO',
    ]);
    const gk = JSON.parse(readFileSync(converted, 'utf8')) as Record<string, unknown>;
    delete gk.crs;
    const file = writeJson(dir, 'gk-without-crs.geojson', gk);
    const layer = await freshLayer(pool);
    const error = await importFile(pool, { layer, file, fileName: 'gk.geojson', rasterDir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'crs_not_detected' });
    expect((error as ImportError).message).toContain('EPSG:4538');
    // and with the CRS given, it imports
    const result = await importFile(pool, {
      layer,
      file,
      fileName: 'gk.geojson',
      rasterDir,
      srs: 'EPSG:4538',
    });
    expect(result.report.counts).toMatchObject({ read: 3, loaded: 3, rejected: 0 });
  });

  it('keeps the first issues of a file with very many problems and counts the rest', async () => {
    const source = careless(1_250, {});
    for (let i = 0; i < 1_200; i++) (source.features[i] as Feature).geometry = null as unknown as Geometry;
    const report = await refusedReport(writeJson(dir, 'many-nulls.geojson', source));
    expect(report.counts).toMatchObject({ read: 1_250, loaded: 50, rejected: 1_200 });
    expect(report.issues).toHaveLength(1_000);
    expect(report.issues[999]).toMatchObject({ feature: 1_000, code: 'missing_geometry' });
    expect(report).toMatchObject({ truncated: true, omittedIssues: 200 });
  }, 60_000);
});

describe('the REST import of a careless GeoJSON', () => {
  const app = createApp({ pool, config: testAppConfig() });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  // the layers made here are not public, and imports need the right to manage layers
  let planner: SignedIn | undefined;
  const asPlanner = async (url: string, init: RequestInit = {}) => {
    planner ??= await signIn(server.url, 'planner');
    return fetch(url, {
      ...init,
      headers: planner.headers(init.headers as Record<string, string> | undefined),
    });
  };
  beforeAll(async () => {
    server = await listenOnFreePort(app);
  });
  afterAll(async () => {
    await importJobsOf(app).settle();
    await server.close();
  });

  it('fails the job with a report listing every bad feature, and makes no version', async () => {
    const layer = await freshLayer(pool);
    const file = writeJson(dir, 'rest.geojson', careless(8, { 3: null, 5: square(200, 43.8), 8: LINE }));
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), 'rest.geojson');
    const res = await asPlanner(`${server.url}/api/v1/layers/${layer}/imports`, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(202);
    const { job: started } = (await res.json()) as { job: { id: string } };
    await importJobsOf(app).settle();
    const { job } = (await (await asPlanner(`${server.url}/api/v1/imports/${started.id}`)).json()) as {
      job: {
        status: string;
        version: number | null;
        error: { code: string; message: string };
        report: ValidationReport;
      };
    };
    expect(job).toMatchObject({ status: 'failed', version: null, error: { code: 'validation_failed' } });
    expect(job.report.counts).toMatchObject({ read: 8, loaded: 5, rejected: 3 });
    expect(problems(job.report)).toEqual([
      [3, 'missing_geometry'],
      [5, 'out_of_range'],
      [8, 'geometry_type_mismatch'],
    ]);
    expect(job.error.message).toContain('3');
    expect(await versionCount(pool, layer)).toBe(0);
  });
});
