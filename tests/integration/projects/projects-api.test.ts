// The projects API against PostGIS: a project created with its national code, read back with its sections,
// changed with optimistic locking (a stale lockVersion is 409 with the current record), and read by an API
// key holding projects.read.
import { DETAIL_SECTIONS, projectDetail } from '../../../projects';
import { recordStoreOf } from '../../../spatial-api';
import { ANONYMOUS } from '../../../accounts';
import { issueTestKey, requestJson, signIn, type SignedIn } from '../../support/access';
import { createProject, projectBody } from '../../support/projects';
import { useTestServer } from '../../support/test-server';

describe('projects API', () => {
  const server = useTestServer();
  let planner: SignedIn;
  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
  });
  const api = (path: string, init: Parameters<typeof requestJson>[1] = {}) =>
    requestJson(`${server.url}/api/v1/projects${path}`, { ...init, headers: planner.headers(init.headers) });

  it('creates a project and stores the record as given', async () => {
    const body = projectBody({ stage: 'construction_planning' });
    const res = await api('', { method: 'POST', body });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/projects/${body.code}`);
    expect(res.body.project).toMatchObject({ ...body, lockVersion: 0 });
    const { rows } = await server.pool.query(
      'SELECT name, construction_unit, stage, total_investment_wan_yuan::float8 AS investment, lock_version FROM projects WHERE code = $1',
      [body.code],
    );
    expect(rows).toEqual([
      {
        name: body.name,
        construction_unit: body.constructionUnit,
        stage: 'construction_planning',
        investment: 12000.5,
        lock_version: 0,
      },
    ]);
  });

  it('reads a sample project with its record, site as GeoJSON with areas, site history and compliance runs', async () => {
    const { rows } = await server.pool.query<{
      code: string;
      versions: number;
      area: number;
      district: string;
    }>(
      `SELECT p.code, p.district_code AS district,
              (SELECT count(*)::int FROM project_site_versions v WHERE v.project_id = p.id) AS versions,
              ST_Area(s.geom::geography) AS area
       FROM projects p JOIN project_site_versions s ON s.id = p.current_site_version_id
       WHERE p.code = '2023-650102-83-01-000100'`,
    );
    const sample = rows[0]!;
    const res = await api(`/${sample.code}`);
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({
      code: sample.code,
      districtCode: '650102',
      districtName: '天山区',
    });
    expect(res.body.site.type).toBe('Feature');
    expect(res.body.site.geometry.type).toBe('MultiPolygon');
    expect(res.body.site.properties.areaM2).toBeCloseTo(sample.area, 1);
    expect(res.body.site.properties.areaHa).toBeCloseTo(sample.area / 10_000, 4);
    expect(res.body.site.properties.areaMu).toBeCloseTo(sample.area / (10_000 / 15), 2);
    expect(res.body.siteHistory).toHaveLength(sample.versions);
    expect(res.body.siteHistory[0]).toMatchObject({ version: sample.versions, current: true });
    expect(res.body.siteHistory.every((v: { reason: string }) => v.reason !== '')).toBe(true);
    expect(Array.isArray(res.body.complianceRuns)).toBe(true);
    expect(Object.keys(res.body).sort()).toEqual([
      'approvals',
      'complianceRuns',
      'planning',
      'project',
      'site',
      'siteHistory',
    ]);
  });

  it("lists a project's compliance runs in its detail, newest first", async () => {
    const { code } = await createProject(server.url, planner);
    const reviewer = await signIn(server.url, 'reviewer');
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [87.4428, 43.8043],
          [87.4436, 43.8043],
          [87.4436, 43.8049],
          [87.4428, 43.8049],
          [87.4428, 43.8043],
        ],
      ],
    };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const run = await requestJson(`${server.url}/api/v1/compliance/checks`, {
        method: 'POST',
        headers: reviewer.headers(),
        body: { geometry: square, projectCode: code },
      });
      expect(run.status).toBe(201);
      ids.push(run.body.id);
    }
    const res = await api(`/${code}`);
    expect(res.body.complianceRuns.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(res.body.site).toBeNull();
    expect(res.body.siteHistory).toEqual([]);
  });

  it('takes a further section plugged into the detail, given the project it reads', async () => {
    const { code } = await createProject(server.url, planner);
    const detail = await projectDetail(recordStoreOf(server.app), server.pool, ANONYMOUS, code, [
      ...DETAIL_SECTIONS,
      { name: 'extra', read: async ({ project }) => ({ of: project.code }) },
    ]);
    expect(detail.extra).toEqual({ of: code });
    expect(Object.keys(detail)).toEqual([
      'project',
      'site',
      'siteHistory',
      'complianceRuns',
      'planning',
      'approvals',
      'extra',
    ]);
  });

  it('reads only the sections asked for with sections=, and refuses one it does not know', async () => {
    const { code } = await createProject(server.url, planner);
    const bare = await api(`/${code}?sections=`);
    expect(bare.status).toBe(200);
    expect(Object.keys(bare.body)).toEqual(['project']);
    const two = await api(`/${code}?sections=approvals,site`);
    expect(Object.keys(two.body)).toEqual(['project', 'approvals', 'site']);
    const unknown = await api(`/${code}?sections=site,nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toMatchObject({ parameter: 'sections', value: 'nope' });
  });

  it('reads a sample project with its planning tasks, opinions and approval records', async () => {
    const { rows } = await server.pool.query<{
      code: string;
      tasks: string;
      opinions: string;
      records: string;
    }>(
      `SELECT p.code,
              (SELECT count(*) FROM planning_tasks t WHERE t.project_id = p.id) AS tasks,
              (SELECT count(*) FROM planning_opinions o JOIN planning_tasks t ON t.id = o.task_id
                WHERE t.project_id = p.id) AS opinions,
              (SELECT count(*) FROM current_approval_records r WHERE r.project_id = p.id) AS records
       FROM projects p
       WHERE EXISTS (SELECT 1 FROM planning_opinions o JOIN planning_tasks t ON t.id = o.task_id
                     WHERE t.project_id = p.id)
         AND EXISTS (SELECT 1 FROM approval_records r WHERE r.project_id = p.id)
       ORDER BY p.id LIMIT 1`,
    );
    const sample = rows[0]!;
    const res = await api(`/${sample.code}`);
    expect(res.status).toBe(200);
    const planning = res.body.planning as { opinions: unknown[]; supersededOpinions: unknown[] }[];
    expect(planning).toHaveLength(Number(sample.tasks));
    expect(planning.flatMap((t) => [...t.opinions, ...t.supersededOpinions])).toHaveLength(
      Number(sample.opinions),
    );
    const approvals = res.body.approvals as { records: { dueDate: string }[]; warnings: unknown[] };
    expect(approvals.records).toHaveLength(Number(sample.records));
    expect(approvals.records.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.dueDate))).toBe(true);
  });

  it('updates the record when lockVersion is current and increments it', async () => {
    const { code } = await createProject(server.url, planner);
    const res = await api(`/${code}`, {
      method: 'PATCH',
      body: { lockVersion: 0, stage: 'construction', name: '改名后的工程' },
    });
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({
      code,
      stage: 'construction',
      name: '改名后的工程',
      lockVersion: 1,
    });
    const again = await api(`/${code}`, {
      method: 'PATCH',
      body: { lockVersion: 1, totalInvestmentWanYuan: null },
    });
    expect(again.status).toBe(200);
    expect(again.body.project).toMatchObject({
      totalInvestmentWanYuan: null,
      lockVersion: 2,
      name: '改名后的工程',
    });
  });

  it('refuses a stale lockVersion with 409, the current record in the details, and changes nothing', async () => {
    const { code } = await createProject(server.url, planner);
    expect(
      (await api(`/${code}`, { method: 'PATCH', body: { lockVersion: 0, name: '第一次修改' } })).status,
    ).toBe(200);
    const stale = await api(`/${code}`, { method: 'PATCH', body: { lockVersion: 0, name: '过时的修改' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details).toMatchObject({
      parameter: 'lockVersion',
      given: 0,
      lockVersion: 1,
      current: { code, name: '第一次修改', lockVersion: 1 },
    });
    const { rows } = await server.pool.query('SELECT name, lock_version FROM projects WHERE code = $1', [
      code,
    ]);
    expect(rows[0]).toEqual({ name: '第一次修改', lock_version: 1 });
  });

  it('lets exactly one of two concurrent updates from the same version through', async () => {
    const { code } = await createProject(server.url, planner);
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((n) =>
        api(`/${code}`, { method: 'PATCH', body: { lockVersion: 0, name: `并发修改${n}` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const { rows } = await server.pool.query('SELECT lock_version FROM projects WHERE code = $1', [code]);
    expect(rows[0].lock_version).toBe(1);
  });

  it('refuses to change the code or district of a project', async () => {
    const { code } = await createProject(server.url, planner);
    const res = await api(`/${code}`, { method: 'PATCH', body: { lockVersion: 0, districtCode: '650102' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('body');
  });

  it('lets an API key with projects.read read and list, and not create', async () => {
    const key = await issueTestKey(server.pool, { name: `projects-reader-${Date.now()}` });
    const detail = await requestJson(`${server.url}/api/v1/projects/2023-650102-83-01-000100`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(detail.status).toBe(200);
    expect(detail.body.project.code).toBe('2023-650102-83-01-000100');
    const list = await requestJson(`${server.url}/api/v1/projects?limit=5`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(list.status).toBe(200);
    expect(list.body.projects).toHaveLength(5);
    const create = await requestJson(`${server.url}/api/v1/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: projectBody(),
    });
    expect(create.status).toBe(403);
  });

  it('refuses anonymous callers', async () => {
    expect((await requestJson(`${server.url}/api/v1/projects`)).status).toBe(401);
  });
});
