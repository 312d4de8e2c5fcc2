// POST /api/v1/compliance/site-files against the real PostGIS and GDAL: a zipped Shapefile in a
// Gauss-Krüger zone, a KML, a GeoPackage and a DXF (each made by ogr2ogr) come back as the site in EPSG:4490
// with PostGIS's ellipsoidal area, storing nothing; hostile and unusable files (OGR VRT XML renamed .zip, a
// Shapefile or GeoPackage table whose name starts with "-", a zip bomb, points, a site outside the city, no
// file at all) are 400 naming `file`; the route needs compliance.run.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { signIn, type SignedIn } from '../../support/access';
import { square } from '../../support/compliance-checks';
import { ogr2ogr, workDir, writeJson } from '../../support/import-fixtures';
import { useTestServer } from '../../support/test-server';
import { writeZip } from '../../support/zip-writer';

const CENTRE: [number, number] = [87.4432, 43.8046];

interface SiteFileAnswer {
  fileName: string;
  format: string | null;
  crs: { code: string; how: string; note: string | null };
  polygonCount: number;
  geometry: { type: string; coordinates: number[][][][] };
  areaM2: number;
  areaHa: number;
  areaMu: number;
  repaired: boolean;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

describe('site files for the compliance page', () => {
  const server = useTestServer();
  const dir = workDir('site-files-');
  const site = square(...CENTRE, 90);
  const source = writeJson(dir, 'site.geojson', {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: '拟建用地' }, geometry: site }],
  });
  let reviewer: SignedIn;
  let viewer: SignedIn;
  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
    viewer = await signIn(server.url, 'viewer');
  });

  const areaOf = async (geometry: unknown) =>
    (
      await server.pool.query<{ a: number }>(
        'SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography) AS a',
        [JSON.stringify(geometry)],
      )
    ).rows[0]!.a;
  const symmetricDifferenceM2 = async (a: unknown, b: unknown) =>
    (
      await server.pool.query<{ a: number }>(
        `SELECT ST_Area(ST_SymDifference(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490),
                                         ST_SetSRID(ST_GeomFromGeoJSON($2), 4490))::geography) AS a`,
        [JSON.stringify(a), JSON.stringify(b)],
      )
    ).rows[0]!.a;
  // runs over this very site (other suites store runs in the same database at the same time)
  const runsOver = async (geometry: unknown) =>
    (
      await server.pool.query<{ n: number }>(
        `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS g)
         SELECT count(*)::int AS n FROM compliance_runs, g
          WHERE site_geom && g AND ST_Area(ST_SymDifference(site_geom, g)::geography) < 1`,
        [JSON.stringify(geometry)],
      )
    ).rows[0]!.n;

  async function upload(
    bytes: Buffer,
    fileName: string,
    user: SignedIn | null = reviewer,
    fields: Record<string, string> = {},
  ): Promise<{ status: number; body: SiteFileAnswer }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${server.url}/api/v1/compliance/site-files`, {
      method: 'POST',
      headers: user ? user.headers() : {},
      body: form,
    });
    return { status: res.status, body: (await res.json()) as SiteFileAnswer };
  }

  /** The Shapefile parts ogr2ogr wrote for `base` in `folder`, zipped under `as` (default the same name). */
  function zipShapefile(folder: string, base: string, as = base): Buffer {
    return writeZip(
      readdirSync(folder)
        .filter((f) => f.startsWith(`${base}.`))
        .map((f) => ({ name: `${as}${f.slice(base.length)}`, data: readFileSync(path.join(folder, f)) })),
    );
  }

  function expectRefusedNamingFile(answer: { status: number; body: SiteFileAnswer }) {
    expect(answer.status).toBe(400);
    expect(answer.body.error?.details.parameter).toBe('file');
    expect(answer.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
  }

  it('reads a zipped Shapefile in the Gauss-Krüger zone EPSG:4538 into the site in EPSG:4490 with its ellipsoidal area', async () => {
    const folder = workDir('site-shp-');
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      path.join(folder, 'site.shp'),
      source,
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
    ]);
    const res = await upload(zipShapefile(folder, 'site'), '拟建用地.zip');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fileName: '拟建用地.zip',
      format: 'ESRI Shapefile',
      crs: { code: 'EPSG:4538' },
      polygonCount: 1,
      repaired: false,
    });
    expect(res.body.geometry.type).toBe('MultiPolygon');
    // the same place, to well under a square metre after the round trip through the zone
    expect(await symmetricDifferenceM2(res.body.geometry, site)).toBeLessThan(0.5);
    const expected = await areaOf(res.body.geometry);
    expect(res.body.areaM2).toBeCloseTo(expected, 1);
    expect(res.body.areaM2).toBeCloseTo(await areaOf(site), -1);
    expect(res.body.areaHa).toBeCloseTo(expected / 10_000, 5);
    expect(res.body.areaMu).toBeCloseTo((expected * 15) / 10_000, 3);
    // a read, not a check: nothing is stored
    expect(await runsOver(res.body.geometry)).toBe(0);
  });

  it.each([
    ['KML', 'site.kml', ['-f', 'KML', '-t_srs', 'EPSG:4326'], {}],
    ['GPKG', 'site.gpkg', ['-f', 'GPKG', '-t_srs', 'EPSG:4538'], {}],
    ['DXF', 'site.dxf', ['-f', 'DXF', '-t_srs', 'EPSG:4538'], { srs: 'EPSG:4538' }],
  ])('reads a %s file into the same site', async (_format, name, args, fields) => {
    const folder = workDir('site-format-');
    const file = path.join(folder, name);
    ogr2ogr([...args, file, source, '-s_srs', 'EPSG:4490']);
    const res = await upload(readFileSync(file), name, reviewer, fields);
    expect(res.status).toBe(200);
    expect(await symmetricDifferenceM2(res.body.geometry, site)).toBeLessThan(0.5);
    expect(res.body.areaM2).toBeCloseTo(await areaOf(res.body.geometry), 1);
  });

  it('refuses OGR VRT XML renamed .zip, which would read another file on the server', async () => {
    const secret = path.join(dir, 'secret.csv');
    writeFileSync(
      secret,
      'name,wkt\nsecret,"POLYGON ((87.44 43.80, 87.45 43.80, 87.45 43.81, 87.44 43.80))"\n',
    );
    const vrt = `<OGRVRTDataSource><OGRVRTLayer name="secret">
      <SrcDataSource relativeToVRT="0">${secret}</SrcDataSource>
      <GeometryType>wkbPolygon</GeometryType><LayerSRS>EPSG:4490</LayerSRS>
      <GeometryField encoding="WKT" field="wkt"/></OGRVRTLayer></OGRVRTDataSource>`;
    expectRefusedNamingFile(await upload(Buffer.from(vrt), 'site.zip'));
    expectRefusedNamingFile(await upload(Buffer.from(vrt), 'site.vrt'));
  });

  it('refuses a zipped Shapefile whose name starts with "-", which GDAL would read as an option', async () => {
    const folder = workDir('site-dash-');
    ogr2ogr(['-f', 'ESRI Shapefile', path.join(folder, 'site.shp'), source]);
    const res = await upload(zipShapefile(folder, 'site', '-sql'), '-sql.zip');
    expectRefusedNamingFile(res);
    expect(res.body.error?.details.importCode).toBe('unsafe_layer_name');
  });

  it('refuses a GeoPackage whose table is named "-sql", and a sourceLayer starting with "-"', async () => {
    const gpkg = path.join(workDir('site-gpkg-'), 'dash.gpkg');
    ogr2ogr(['-f', 'GPKG', gpkg, source, '-nln', 'site']);
    execFileSync('ogrinfo', [gpkg, '-sql', 'ALTER TABLE site RENAME TO "-sql"'], { stdio: 'ignore' });
    expectRefusedNamingFile(await upload(readFileSync(gpkg), 'dash.gpkg'));
    const good = path.join(workDir('site-gpkg-'), 'good.gpkg');
    ogr2ogr(['-f', 'GPKG', good, source, '-nln', 'site']);
    const named = await upload(readFileSync(good), 'good.gpkg', reviewer, { sourceLayer: '-sql' });
    expect(named.status).toBe(400);
  });

  it('refuses a zip bomb: a Shapefile part that inflates a thousand times', async () => {
    const folder = workDir('site-bomb-');
    ogr2ogr(['-f', 'ESRI Shapefile', path.join(folder, 'site.shp'), source]);
    const parts = readdirSync(folder)
      .filter((f) => f.startsWith('site.'))
      .map((f) => ({ name: f, data: readFileSync(path.join(folder, f)) }));
    const bomb = writeZip([
      ...parts.filter((p) => !p.name.endsWith('.dbf')),
      { name: 'site.dbf', data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const res = await upload(bomb, 'bomb.zip');
    expectRefusedNamingFile(res);
  });

  it('refuses a file of points, a site outside the city and a request without a file, each naming file', async () => {
    const points = writeJson(dir, 'points.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: CENTRE } }],
    });
    expectRefusedNamingFile(await upload(readFileSync(points), 'points.geojson'));

    const far = writeJson(dir, 'far.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: square(116.39, 39.9, 100) }],
    });
    const outside = await upload(readFileSync(far), 'far.geojson');
    expectRefusedNamingFile(outside);
    expect(outside.body.error?.details.outsideCityM2).toBeGreaterThan(1);

    const form = new FormData();
    form.append('srs', 'EPSG:4538');
    const none = await fetch(`${server.url}/api/v1/compliance/site-files`, {
      method: 'POST',
      headers: reviewer.headers(),
      body: form,
    });
    expect(none.status).toBe(400);
    expect(((await none.json()) as SiteFileAnswer).error?.details.parameter).toBe('file');
  });

  it('needs compliance.run: anonymous 401, a viewer 403', async () => {
    const bytes = readFileSync(source);
    expect((await upload(bytes, 'site.geojson', null)).status).toBe(401);
    expect((await upload(bytes, 'site.geojson', viewer)).status).toBe(403);
  });
});
