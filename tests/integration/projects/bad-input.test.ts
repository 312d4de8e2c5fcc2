// What the projects API refuses, each with a clear 4xx naming the parameter and nothing half-written:
// malformed and duplicate codes, an unknown district or one the code does not name, an invalid site or one
// outside the city, a stale site version (409), a missing reason, and another district's project for a
// district-scoped user.
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { square } from '../../support/compliance-checks';
import { createProject, freshProjectCode, projectBody, putSite } from '../../support/projects';
import { useTestServer } from '../../support/test-server';

describe('projects bad input', () => {
  const server = useTestServer();
  let planner: SignedIn;
  let tianshan: SignedIn;
  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
    tianshan = await signIn(server.url, 'planner_tianshan');
  });
  const post = (user: SignedIn, body: unknown) =>
    requestJson(`${server.url}/api/v1/projects`, { method: 'POST', headers: user.headers(), body });
  const exists = async (code: string) =>
    (await server.pool.query('SELECT 1 FROM projects WHERE code = $1', [code])).rowCount === 1;
  const siteVersions = async (code: string) =>
    (
      await server.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM project_site_versions v JOIN projects p ON p.id = v.project_id WHERE p.code = $1',
        [code],
      )
    ).rows[0]!.n;
  const clean = square(87.4432, 43.8046, 60);

  it.each([
    ['not the national pattern', '2024-650102-83-01-100'],
    ['letters in it', '2024-65010X-83-01-000100'],
    ['an implausible year', '1899-650103-83-01-000100'],
    ['a zero serial', '2024-650103-83-01-000000'],
  ])('refuses a malformed code (%s) with 400 naming code', async (_, code) => {
    const res = await post(planner, projectBody({ code, districtCode: '650103' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('code');
    expect(await exists(code)).toBe(false);
  });

  it("refuses a code whose district part is not the project's district", async () => {
    const code = freshProjectCode('650104');
    const res = await post(planner, projectBody({ code, districtCode: '650103' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ parameter: 'code', districtCode: '650103' });
    expect(res.body.error.message).toContain('650104');
    expect(await exists(code)).toBe(false);
  });

  it('refuses an unknown district with 400 naming districtCode', async () => {
    const code = freshProjectCode('659999');
    const res = await post(planner, projectBody({ code, districtCode: '659999' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ parameter: 'districtCode', value: '659999' });
    expect(await exists(code)).toBe(false);
  });

  it('refuses a duplicate code with 409 and keeps the first project', async () => {
    const first = projectBody({ name: '第一个项目' });
    expect((await post(planner, first)).status).toBe(201);
    const res = await post(planner, { ...first, name: '重复的项目' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ parameter: 'code', value: first.code });
    const { rows } = await server.pool.query('SELECT name FROM projects WHERE code = $1', [first.code]);
    expect(rows).toEqual([{ name: '第一个项目' }]);
  });

  it('refuses a missing field and an unknown stage naming them', async () => {
    const noName: Partial<ReturnType<typeof projectBody>> = projectBody();
    delete noName.name;
    const missing = await post(planner, noName);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.parameter).toBe('name');
    const stage = await post(planner, projectBody({ stage: 'demolished' }));
    expect(stage.status).toBe(400);
    expect(stage.body.error.details.parameter).toBe('stage');
  });

  it.each([
    [
      'a ring that is not closed',
      {
        type: 'Polygon',
        coordinates: [
          [
            [87.44, 43.8],
            [87.45, 43.8],
            [87.45, 43.81],
            [87.44, 43.81],
          ],
        ],
      },
    ],
    ['a point', { type: 'Point', coordinates: [87.44, 43.8] }],
    [
      'coordinates that are not numbers',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['a', 'b'],
            [1, 2],
            [3, 4],
            ['a', 'b'],
          ],
        ],
      },
    ],
  ])('refuses an invalid site (%s) with 400 naming geometry and writes no version', async (_, geometry) => {
    const { code } = await createProject(server.url, planner);
    const res = await putSite(server.url, planner, code, { geometry, reason: '测试', expectedVersion: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('geometry');
    expect(await siteVersions(code)).toBe(0);
  });

  it('refuses a site outside the city, suggesting the axis order, and writes no version', async () => {
    const { code } = await createProject(server.url, planner);
    const swapped = square(43.8046, 87.4432 - 60, 60); // latitude first: far outside the city
    const outside = square(80.0, 40.0, 60);
    for (const geometry of [outside, swapped]) {
      const res = await putSite(server.url, planner, code, { geometry, reason: '测试', expectedVersion: 0 });
      expect(res.status).toBe(400);
      expect(res.body.error.details.parameter).toBe('geometry');
    }
    const res = await putSite(server.url, planner, code, {
      geometry: outside,
      reason: '测试',
      expectedVersion: 0,
    });
    expect(res.body.error.details.outsideCityM2).toBeGreaterThan(1000);
    expect(res.body.error.message).toContain('经度在前');
    expect(await siteVersions(code)).toBe(0);
  });

  it('refuses a stale site version with 409 naming the current one, and writes nothing', async () => {
    const { code } = await createProject(server.url, planner);
    expect(
      (await putSite(server.url, planner, code, { geometry: clean, reason: '初次', expectedVersion: 0 }))
        .status,
    ).toBe(201);
    const stale = await putSite(server.url, planner, code, {
      geometry: square(87.4435, 43.8046, 60),
      reason: '过时',
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({
      parameter: 'expectedVersion',
      given: 0,
      siteVersion: 1,
    });
    expect(await siteVersions(code)).toBe(1);
  });

  it('lets one of two concurrent site changes from the same version through', async () => {
    const { code } = await createProject(server.url, planner);
    const results = await Promise.all(
      [0.0003, 0.0006].map((d) =>
        putSite(server.url, planner, code, {
          geometry: square(87.4432 + d, 43.8046, 60),
          reason: '并发',
          expectedVersion: 0,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await siteVersions(code)).toBe(1);
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
  ])('refuses a %s reason with 400 naming reason', async (_, reason) => {
    const { code } = await createProject(server.url, planner);
    const res = await putSite(server.url, planner, code, {
      geometry: clean,
      expectedVersion: 0,
      ...(reason !== undefined ? { reason } : {}),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('reason');
    expect(await siteVersions(code)).toBe(0);
  });

  it('refuses a site given two ways or none', async () => {
    const { code } = await createProject(server.url, planner);
    const both = await putSite(server.url, planner, code, {
      geometry: clean,
      boundaryText: 'x',
      reason: '测试',
      expectedVersion: 0,
    });
    expect(both.status).toBe(400);
    const none = await putSite(server.url, planner, code, { reason: '测试', expectedVersion: 0 });
    expect(none.status).toBe(400);
    expect(none.body.error.details.parameter).toBe('geometry');
  });

  it('refuses boundary text that the importer cannot read, naming boundaryText', async () => {
    const { code } = await createProject(server.url, planner);
    const res = await putSite(server.url, planner, code, {
      boundaryText: '这不是界址点坐标文件',
      reason: '测试',
      expectedVersion: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('boundaryText');
    expect(await siteVersions(code)).toBe(0);
  });

  it('refuses unknown versions in a diff and a site asked by version and date at once', async () => {
    const { code } = await createProject(server.url, planner);
    expect(
      (await putSite(server.url, planner, code, { geometry: clean, reason: '初次', expectedVersion: 0 }))
        .status,
    ).toBe(201);
    const diff = await requestJson(`${server.url}/api/v1/projects/${code}/site/versions/1/diff/9`, {
      headers: planner.headers(),
    });
    expect(diff.status).toBe(404);
    expect(diff.body.error.details).toMatchObject({ parameter: 'b', value: 9 });
    const both = await requestJson(`${server.url}/api/v1/projects/${code}/site?version=1&asOf=2025-01-01`, {
      headers: planner.headers(),
    });
    expect(both.status).toBe(400);
  });

  describe('a district-scoped user (planner_tianshan, 650102)', () => {
    const other = '2024-650103-70-02-000174'; // a sample project in 沙依巴克区
    const own = '2023-650102-83-01-000100';
    const as = (path: string, init: Parameters<typeof requestJson>[1] = {}) =>
      requestJson(`${server.url}/api/v1/projects${path}`, {
        ...init,
        headers: tianshan.headers(init.headers),
      });

    it('lists only projects of its district', async () => {
      const res = await as('?limit=10000');
      expect(res.status).toBe(200);
      const { rows } = await server.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM projects WHERE district_code = '650102'",
      );
      expect(res.body.numberMatched).toBe(rows[0]!.n);
      expect(res.body.projects.every((p: { districtCode: string }) => p.districtCode === '650102')).toBe(
        true,
      );
      expect((await as('?district=650103')).body.numberMatched).toBe(0);
    });

    it("reads its own district's project", async () => {
      expect((await as(`/${own}`)).status).toBe(200);
    });

    it("is refused another district's project on every door, and changes nothing", async () => {
      const before = await server.pool.query(
        'SELECT lock_version, current_site_version_id FROM projects WHERE code = $1',
        [other],
      );
      for (const path of [
        `/${other}`,
        `/${other}/site`,
        `/${other}/site/versions`,
        `/${other}/site/versions/1/diff/1`,
      ]) {
        const res = await as(path);
        expect([path, res.status]).toEqual([path, 403]);
        expect(res.body.error.details.parameter).toBe('code');
      }
      const patch = await as(`/${other}`, { method: 'PATCH', body: { lockVersion: 0, name: '越权修改' } });
      expect(patch.status).toBe(403);
      const site = await as(`/${other}/site`, {
        method: 'PUT',
        body: { geometry: clean, reason: '越权', expectedVersion: 1 },
      });
      expect(site.status).toBe(403);
      const after = await server.pool.query(
        'SELECT lock_version, current_site_version_id FROM projects WHERE code = $1',
        [other],
      );
      expect(after.rows).toEqual(before.rows);
    });

    it('cannot create a project in another district', async () => {
      const body = projectBody({ districtCode: '650103' });
      const res = await post(tianshan, body);
      expect(res.status).toBe(403);
      expect(await exists(body.code)).toBe(false);
      const own = projectBody({ districtCode: '650102' });
      expect((await post(tianshan, own)).status).toBe(201);
    });
  });
});
