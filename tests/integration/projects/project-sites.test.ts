// A project's site against PostGIS: set by drawing, by an uploaded Shapefile (made by ogr2ogr in a
// Gauss-Krüger zone) and by pasted boundary-coordinate text; every change a new version with who, when and
// why, the project's current site moved in the same transaction, the compliance check run on it and kept;
// the versions listed, two compared (area added and removed, with geometries), the site as of a date.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { square } from '../../support/compliance-checks';
import { ogr2ogr, workDir, writeJson } from '../../support/import-fixtures';
import { createProject, putSite } from '../../support/projects';
import { useTestServer } from '../../support/test-server';
import { writeZip } from '../../support/zip-writer';

const BOUNDARY_TEXT = path.join(
  __dirname,
  '../../fixtures/importers/boundary-coordinates/in/two-parcels.txt',
);

describe('project sites', () => {
  const server = useTestServer();
  let planner: SignedIn;
  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
  });
  const get = (url: string) =>
    requestJson(`${server.url}/api/v1/projects${url}`, { headers: planner.headers() });
  const areaOf = async (geometry: unknown) =>
    (
      await server.pool.query<{ a: number }>(
        'SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography) AS a',
        [JSON.stringify(geometry)],
      )
    ).rows[0]!.a;
  const stored = async (code: string) =>
    (
      await server.pool.query<{
        versions: number;
        current_no: number | null;
        lock_version: number;
        runs: number;
      }>(
        `SELECT (SELECT count(*)::int FROM project_site_versions v WHERE v.project_id = p.id) AS versions,
                s.version_no AS current_no, p.lock_version,
                (SELECT count(*)::int FROM compliance_runs r WHERE r.site_version_id = s.id) AS runs
         FROM projects p LEFT JOIN project_site_versions s ON s.id = p.current_site_version_id WHERE p.code = $1`,
        [code],
      )
    ).rows[0]!;

  it('sets a drawn site as version 1, moves the current site, runs the compliance check and keeps it', async () => {
    const { code } = await createProject(server.url, planner);
    const site = square(87.4432, 43.8046, 60);
    const res = await putSite(server.url, planner, code, {
      geometry: site,
      reason: '建设单位申报用地范围',
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    const expected = await areaOf(site);
    expect(res.body).toMatchObject({
      projectCode: code,
      version: 1,
      reason: '建设单位申报用地范围',
      repaired: false,
    });
    expect(res.body.areaM2).toBeCloseTo(expected, 1);
    expect(res.body.areaHa).toBeCloseTo(expected / 10_000, 5);
    expect(res.body.areaMu).toBeCloseTo(expected / (10_000 / 15), 3);
    expect(res.body.check).toMatchObject({ id: expect.any(String), verdict: expect.any(String) });
    expect(res.body.checkError).toBeNull();
    const { rows } = await server.pool.query(
      `SELECT r.id::text, p.code, u.username FROM compliance_runs r JOIN project_site_versions s ON s.id = r.site_version_id
       JOIN projects p ON p.id = r.project_id JOIN users u ON u.id = s.created_by WHERE r.id = $1`,
      [res.body.check.id],
    );
    expect(rows).toEqual([{ id: res.body.check.id, code, username: 'planner' }]);
    expect(await stored(code)).toEqual({ versions: 1, current_no: 1, lock_version: 1, runs: 1 });
    const detail = await get(`/${code}`);
    expect(detail.body.site.properties).toMatchObject({ version: 1, check: { id: res.body.check.id } });
    expect(detail.body.complianceRuns[0].id).toBe(res.body.check.id);
  });

  it('keeps every version with who, when and why, lists them newest first and compares two', async () => {
    const { code } = await createProject(server.url, planner);
    const first = square(87.4432, 43.8046, 60);
    const second = square(87.4435, 43.8046, 60);
    expect(
      (await putSite(server.url, planner, code, { geometry: first, reason: '初次申报', expectedVersion: 0 }))
        .status,
    ).toBe(201);
    expect(
      (
        await putSite(server.url, planner, code, {
          geometry: second,
          reason: '按部门意见东移',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(201);
    const versions = await get(`/${code}/site/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.currentVersion).toBe(2);
    expect(
      versions.body.versions.map(
        (v: { version: number; reason: string; createdBy: string; current: boolean }) => [
          v.version,
          v.reason,
          v.createdBy,
          v.current,
        ],
      ),
    ).toEqual([
      [2, '按部门意见东移', 'planner', true],
      [1, '初次申报', 'planner', false],
    ]);
    expect(versions.body.versions.every((v: { check: unknown }) => v.check !== null)).toBe(true);

    const diff = await get(`/${code}/site/versions/1/diff/2`);
    expect(diff.status).toBe(200);
    const { rows } = await server.pool.query<{ added: number; removed: number }>(
      `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS a, ST_SetSRID(ST_GeomFromGeoJSON($2), 4490) AS b)
       SELECT ST_Area(ST_Difference(b, a)::geography) AS added, ST_Area(ST_Difference(a, b)::geography) AS removed FROM g`,
      [JSON.stringify(first), JSON.stringify(second)],
    );
    expect(diff.body.same).toBe(false);
    expect(diff.body.added.areaM2).toBeCloseTo(rows[0]!.added, 0);
    expect(diff.body.removed.areaM2).toBeCloseTo(rows[0]!.removed, 0);
    expect(diff.body.added.areaM2).toBeGreaterThan(100);
    expect(diff.body.added.areaMu).toBeCloseTo(diff.body.added.areaM2 / (10_000 / 15), 2);
    expect(diff.body.added.geometry.type).toBe('MultiPolygon');
    expect(await areaOf(diff.body.added.geometry)).toBeCloseTo(rows[0]!.added, 0);
    expect(await areaOf(diff.body.removed.geometry)).toBeCloseTo(rows[0]!.removed, 0);
    const same = await get(`/${code}/site/versions/2/diff/2`);
    expect(same.body).toMatchObject({
      same: true,
      added: { areaM2: 0, geometry: null },
      removed: { areaM2: 0, geometry: null },
    });
  });

  it('shows the site as of a date, a numbered version and the current one', async () => {
    const code = '2023-650102-83-01-000100'; // two versions in the sample city: 2023-09-30 and 2023-10-25
    const asOf = async (date: string) => get(`/${code}/site?asOf=${date}`);
    expect((await asOf('2023-10-01')).body.properties.version).toBe(1);
    expect((await asOf('2023-11-01')).body.properties.version).toBe(2);
    const before = await asOf('2023-09-01');
    expect(before.status).toBe(404);
    expect(before.body.error.details.parameter).toBe('asOf');
    const current = await get(`/${code}/site`);
    expect(current.body).toMatchObject({
      type: 'Feature',
      properties: { version: 2, current: true, projectCode: code },
    });
    const v1 = await get(`/${code}/site?version=1`);
    expect(v1.body.properties).toMatchObject({ version: 1, current: false });
    expect(v1.body.properties.areaM2).toBeCloseTo(await areaOf(v1.body.geometry), 0);
  });

  it('reads the site from an uploaded zipped Shapefile in a Gauss-Krüger zone', async () => {
    const { code } = await createProject(server.url, planner);
    const dir = workDir('project-site-');
    const site = square(87.4432, 43.8046, 80);
    const source = writeJson(dir, 'site.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '用地' }, geometry: site }],
    });
    ogr2ogr([
      '-f',
      'ESRI Shapefile',
      path.join(dir, 'site.shp'),
      source,
      '-s_srs',
      'EPSG:4490',
      '-t_srs',
      'EPSG:4538',
    ]);
    const zip = writeZip(
      readdirSync(dir)
        .filter((f) => f.startsWith('site.') && !f.endsWith('.geojson'))
        .map((f) => ({ name: f, data: readFileSync(path.join(dir, f)) })),
    );
    const form = new FormData();
    form.append('reason', '上传测绘成果');
    form.append('expectedVersion', '0');
    form.append('file', new Blob([new Uint8Array(zip)]), '用地范围.zip');
    const res = await fetch(`${server.url}/api/v1/projects/${code}/site`, {
      method: 'PUT',
      headers: planner.headers(),
      body: form,
    });
    const body = (await res.json()) as {
      source: unknown;
      areaM2: number;
    };
    expect(res.status).toBe(201);
    expect(body.source).toMatchObject({
      kind: 'file',
      fileName: '用地范围.zip',
      format: 'ESRI Shapefile',
      crs: { code: 'EPSG:4538' },
    });
    expect(body.areaM2).toBeCloseTo(await areaOf(site), -1);
    expect(await stored(code)).toMatchObject({ versions: 1, current_no: 1 });
  });

  it('reads the site from pasted boundary-coordinate text (国土TXT), its parcels together', async () => {
    const { code } = await createProject(server.url, planner);
    const res = await putSite(server.url, planner, code, {
      boundaryText: readFileSync(BOUNDARY_TEXT, 'utf8'),
      reason: '粘贴界址点坐标',
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body.source).toMatchObject({ kind: 'boundary_text', crs: { code: 'EPSG:4517' } });
    // the file declares 1.0000 and 0.6880 公顷 for its two parcels (plane areas in the zone)
    expect(res.body.areaHa).toBeCloseTo(1.688, 2);
    const site = await get(`/${code}/site`);
    expect(site.body.geometry.coordinates).toHaveLength(2);
  });

  it('repairs a self-intersecting drawing and says so', async () => {
    const { code } = await createProject(server.url, planner);
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [87.4428, 43.8043],
          [87.4436, 43.8049],
          [87.4436, 43.8043],
          [87.4428, 43.8049],
          [87.4428, 43.8043],
        ],
      ],
    };
    const res = await putSite(server.url, planner, code, {
      geometry: bowtie,
      reason: '手绘',
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body.repaired).toBe(true);
    expect(res.body.repairReason).toMatch(/Self-intersection/);
  });
});
