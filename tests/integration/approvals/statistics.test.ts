// Statistics (5.14) checked against independent SQL: projects and their site areas (ellipsoidal m², 公顷,
// 亩) by district, stage, type and month, with the date range and the district filters and the district
// scope; approval times per department and stage (working days counted with is_working_day, overdue as the
// deadlines view of migration 007 says); CSV with its cells neutralised.
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { createTestProject } from '../../support/approval-projects';
import { useTestServer } from '../../support/test-server';

interface Figures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}
interface Group extends Figures {
  key: string;
}

describe('statistics', () => {
  const server = useTestServer();
  let viewer: SignedIn;
  beforeAll(async () => {
    viewer = await signIn(server.url, 'viewer');
  });
  const get = (path: string, user: SignedIn = viewer) =>
    requestJson(`${server.url}${path}`, { headers: user.headers() });
  // the sample's projects were registered in 2023 and 2024; the test files add theirs today
  const RANGE = 'from=2023-01-01&to=2024-12-31';

  const expectFigures = (actual: Figures | undefined, count: number, m2: number) => {
    expect(actual?.count).toBe(count);
    expect(actual?.areaM2).toBeCloseTo(m2, 1);
    expect(actual?.areaHa).toBeCloseTo(m2 / 10_000, 3);
    expect(actual?.areaMu).toBeCloseTo((m2 * 15) / 10_000, 1);
  };

  it('counts projects and sums their site areas by district, stage, type and month', async () => {
    const res = await get(`/api/v1/statistics/projects?${RANGE}`);
    expect(res.status).toBe(200);
    const independent = async (column: string) => {
      const { rows } = await server.pool.query<{ key: string; n: string; m2: number }>(
        `SELECT ${column} AS key, count(*) AS n, sum(ST_Area(v.geom::geography))::float8 AS m2
         FROM projects p JOIN project_site_versions v ON v.id = p.current_site_version_id
         WHERE (p.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2023-01-01' AND '2024-12-31'
         GROUP BY 1 ORDER BY 1`,
      );
      return rows;
    };
    const total = (await independent("'all'"))[0]!;
    expectFigures(res.body.total, Number(total.n), total.m2);
    expect(res.body.total.count).toBe(30);
    for (const [dimension, column] of [
      ['byDistrict', 'p.district_code'],
      ['byStage', 'p.stage'],
      ['byType', 'p.project_type'],
      ['byMonth', "to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"],
    ] as const) {
      const expected = await independent(column);
      const groups = res.body[dimension] as Group[];
      expect(groups.map((g) => g.key).sort()).toEqual(expected.map((e) => e.key).sort());
      for (const e of expected)
        expectFigures(
          groups.find((g) => g.key === e.key),
          Number(e.n),
          e.m2,
        );
    }
    // ellipsoidal square metres: within a tenth of a per cent of the Gauss-Krüger plane's (zone 87°E)
    const { rows } = await server.pool.query<{ m2: number }>(
      `SELECT sum(ST_Area(ST_Transform(v.geom, 4538)))::float8 AS m2
       FROM projects p JOIN project_site_versions v ON v.id = p.current_site_version_id
       WHERE (p.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2023-01-01' AND '2024-12-31'`,
    );
    expect(Math.abs(res.body.total.areaM2 / rows[0]!.m2 - 1)).toBeLessThan(0.001);
  });

  it('filters by district and date range, and keeps a district-scoped user to their districts', async () => {
    const all = (await get(`/api/v1/statistics/projects?${RANGE}`)).body;
    const tianshan = (all.byDistrict as Group[]).find((g) => g.key === '650102')!;
    const filtered = await get(`/api/v1/statistics/projects?${RANGE}&district=650102`);
    expect(filtered.body.total).toEqual({
      count: tianshan.count,
      areaM2: tianshan.areaM2,
      areaHa: tianshan.areaHa,
      areaMu: tianshan.areaMu,
    });
    expect((filtered.body.byDistrict as Group[]).map((g) => g.key)).toEqual(['650102']);
    const planner = await signIn(server.url, 'planner_tianshan');
    const scoped = await get(`/api/v1/statistics/projects?${RANGE}`, planner);
    expect(scoped.body.total).toEqual(filtered.body.total);
    const other = await get(`/api/v1/statistics/projects?${RANGE}&district=650104`, planner);
    expect(other.status).toBe(403);
    expect((await get(`/api/v1/statistics/approvals?district=650104`, planner)).status).toBe(403);

    const months = all.byMonth as Group[];
    const first = months[0]!;
    const [year, month] = first.key.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const one = await get(`/api/v1/statistics/projects?from=${first.key}-01&to=${last}`);
    expect(one.body.total.count).toBe(first.count);
    const backwards = await get('/api/v1/statistics/projects?from=2024-12-31&to=2024-01-01');
    expect(backwards.status).toBe(400);
    expect((await get('/api/v1/statistics/projects?district=tianshan')).status).toBe(400);
    const notADay = await get('/api/v1/statistics/projects?to=2024-02-30');
    expect(notADay.status).toBe(400);
    expect(notADay.body.error.details.parameter).toBe('to');
  });

  it('measures approval times per department and stage against the limits', async () => {
    const res = await get(`/api/v1/statistics/approvals?${RANGE}`);
    expect(res.status).toBe(200);
    const { rows } = await server.pool.query<{
      department: string;
      stage: string;
      n: string;
      mean: number;
      median: number;
      max: number;
      overdue: string;
    }>(
      `WITH decided AS (
         SELECT d.code AS department, r.stage, dl.overdue,
           (SELECT count(*) FROM generate_series(
               (r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date + 1,
               (r.decided_at AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') g (x)
            WHERE is_working_day(x::date)) AS used
         FROM approval_records r
         JOIN departments d ON d.id = r.department_id
         JOIN approval_record_deadlines dl ON dl.id = r.id
         WHERE NOT EXISTS (SELECT 1 FROM approval_records s WHERE s.supersedes_id = r.id)
           AND r.status IN ('approved', 'rejected')
           AND (r.decided_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2023-01-01' AND '2024-12-31')
       SELECT department, stage, count(*) AS n, avg(used)::float8 AS mean,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY used)::float8 AS median, max(used)::int AS max,
         count(*) FILTER (WHERE overdue) AS overdue
       FROM decided GROUP BY 1, 2`,
    );
    const groups = res.body.groups as {
      department: { code: string };
      stage: string;
      count: number;
      meanWorkingDays: number;
      medianWorkingDays: number;
      maxWorkingDays: number;
      overdueCount: number;
      overdueRate: number;
      timeLimitWorkingDays: { min: number; max: number };
    }[];
    expect(groups).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const g = groups.find((x) => x.department.code === row.department && x.stage === row.stage);
      expect(g).toMatchObject({
        count: Number(row.n),
        maxWorkingDays: row.max,
        overdueCount: Number(row.overdue),
      });
      expect(g!.meanWorkingDays).toBeCloseTo(row.mean, 2);
      expect(g!.medianWorkingDays).toBeCloseTo(row.median, 2);
      expect(g!.overdueRate).toBeCloseTo(Number(row.overdue) / Number(row.n), 4);
    }
    expect(groups.some((g) => g.overdueCount > 0)).toBe(true);
    // the limits of 施工许可 at 住建: 施工图审查 10 and 施工许可证 7 working days
    expect(
      groups.find((g) => g.stage === 'construction' && g.department.code === 'housing_construction')
        ?.timeLimitWorkingDays,
    ).toEqual({ min: 7, max: 10 });
  });

  it('writes CSV with a header, a row per group, and formula-looking text neutralised', async () => {
    await createTestProject(server.pool, { projectType: '=HYPERLINK("http://evil.example","点击")' });
    const res = await fetch(`${server.url}/api/v1/statistics/projects?format=csv`, {
      headers: viewer.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('维度 dimension,分组 key,名称 label,项目数 count,面积 m²,面积 公顷,面积 亩');
    expect(lines.find((l) => l.startsWith('type,') && l.includes('HYPERLINK'))).toMatch(
      /^type,"'=HYPERLINK\(""http:\/\/evil\.example"",""点击""\)"/,
    );
    // a row per group (over the sample's years, which no other test file adds to)
    const ranged = await fetch(`${server.url}/api/v1/statistics/projects?format=csv&${RANGE}`, {
      headers: viewer.headers(),
    });
    const rangedLines = (await ranged.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const json = (await get(`/api/v1/statistics/projects?${RANGE}`)).body;
    const groups =
      1 + json.byDistrict.length + json.byStage.length + json.byType.length + json.byMonth.length;
    expect(rangedLines).toHaveLength(1 + groups);
    expect(rangedLines[1]).toBe(
      `total,,合计,30,${json.total.areaM2},${json.total.areaHa},${json.total.areaMu}`,
    );

    const approvals = await fetch(`${server.url}/api/v1/statistics/approvals?format=csv&${RANGE}`, {
      headers: viewer.headers(),
    });
    const rows = (await approvals.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const body = (await get(`/api/v1/statistics/approvals?${RANGE}`)).body;
    expect(rows).toHaveLength(1 + body.groups.length);
    expect(rows[0]).toContain('超期率 overdue rate');
  });
});
