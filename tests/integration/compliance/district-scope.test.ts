// 数据分级 on compliance checks: the planner limited to 天山区 (650102) checks only sites inside 天山区 and
// reads only the checks of such sites (403 naming the parameter, as for another district's layers; an
// unknown check stays 404); their list leaves the others out. The unlimited planner is the control.
import { signIn, type SignedIn } from '../../support/access';
import { postCheck, rule, square, type CheckBody, type Polygon } from '../../support/compliance-checks';
import { useTestServer } from '../../support/test-server';

const SCOPED = '650102';
const OTHER = '650106';

describe('compliance checks of a district-scoped user', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  let planner: SignedIn;
  let scoped: SignedIn;
  /** 60 m squares well inside 天山区 and 头屯河区, and one across the border of 天山区 */
  const sites: Record<'inside' | 'other' | 'across', Polygon> = {} as never;
  let insideRun: CheckBody;
  let otherRun: CheckBody;

  const get = async (path: string, user: SignedIn) => {
    const res = await fetch(`${server.url}${path}`, { headers: user.headers() });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: (/json/.test(type) ? await res.json() : await res.arrayBuffer()) as unknown,
    };
  };
  const errorOf = (body: unknown) =>
    (body as { error: { code: string; details: Record<string, unknown> } }).error;

  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
    planner = await signIn(server.url, 'planner');
    scoped = await signIn(server.url, 'planner_tianshan');
    // a point deep inside each district (the centre of its largest inscribed circle), and one on the border
    // of 天山区 with another district
    const { rows } = await server.pool.query<{ code: string; lon: number; lat: number }>(
      `WITH d AS (
         SELECT f.properties ->> 'admin_code' AS code, f.geom FROM layer_features f
         JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = 'districts'
       )
       SELECT code, ST_X(c) AS lon, ST_Y(c) AS lat
       FROM (SELECT code, (ST_MaximumInscribedCircle(geom)).center AS c FROM d WHERE code IN ($1, $2)) x
       UNION ALL
       -- the middle of the longest border 天山区 shares with another district (inside the city)
       SELECT 'border', ST_X(p), ST_Y(p) FROM (
         SELECT ST_LineInterpolatePoint(
                  ST_GeometryN(ST_Multi(ST_LineMerge(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2))), 1),
                  0.5) AS p
         FROM d a JOIN d b ON a.code = $1 AND b.code <> $1 AND ST_Intersects(a.geom, b.geom)
         ORDER BY ST_Length(ST_Intersection(a.geom, b.geom)::geography) DESC LIMIT 1
       ) y`,
      [SCOPED, OTHER],
    );
    const at = (code: string) => rows.find((r) => r.code === code)!;
    sites.inside = square(at(SCOPED).lon, at(SCOPED).lat, 60);
    sites.other = square(at(OTHER).lon, at(OTHER).lat, 60);
    sites.across = square(at('border').lon, at('border').lat, 60);
    const made = await Promise.all(
      [sites.inside, sites.other].map(async (geometry) => {
        const { status, body } = await postCheck(server.url, reviewer, { geometry });
        expect(status).toBe(201);
        return body;
      }),
    );
    [insideRun, otherRun] = made as [CheckBody, CheckBody];
    expect(rule(insideRun, 'jurisdiction').features.map((f) => f.attributes.admin_code)).toEqual([SCOPED]);
    expect(rule(otherRun, 'jurisdiction').features.map((f) => f.attributes.admin_code)).toEqual([OTHER]);
  }, 120_000);

  it('checks a site inside its district', async () => {
    const { status, body } = await postCheck(server.url, scoped, { geometry: sites.inside });
    expect(status).toBe(201);
    expect(rule(body, 'jurisdiction').features.map((f) => f.attributes.admin_code)).toEqual([SCOPED]);
  });

  it('refuses a site in another district with 403 naming geometry, and stores nothing', async () => {
    const before = await server.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM compliance_runs r JOIN users u ON u.id = r.created_by WHERE u.username = 'planner_tianshan'",
    );
    const { status, body } = await postCheck(server.url, scoped, { geometry: sites.other });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/管辖区域/),
      details: { parameter: 'geometry', siteDistricts: [OTHER], allowedDistricts: [SCOPED] },
    });
    const after = await server.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM compliance_runs r JOIN users u ON u.id = r.created_by WHERE u.username = 'planner_tianshan'",
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a site across the border of its district, naming both districts', async () => {
    const { status, body } = await postCheck(server.url, scoped, { geometry: sites.across });
    expect(status).toBe(403);
    expect(body.error?.details.parameter).toBe('geometry');
    expect(body.error?.details.siteDistricts).toEqual(expect.arrayContaining([SCOPED]));
    expect((body.error?.details.siteDistricts as string[]).length).toBeGreaterThan(1);
    expect(body.error?.details.outsideAreaM2).toBeGreaterThan(100);
    // the unlimited planner checks the same sites
    for (const geometry of [sites.other, sites.across])
      expect((await postCheck(server.url, planner, { geometry })).status).toBe(201);
  });

  // (the reports themselves are the report suite's; here a refused one is answered before any map is drawn)
  it('reads, compares and downloads the checks of its district only', async () => {
    const own = `/api/v1/compliance/checks/${insideRun.id}`;
    const others = `/api/v1/compliance/checks/${otherRun.id}`;
    const scopedAnswers = await Promise.all(
      [
        own,
        `${own}/export?format=csv`,
        `${own}/diff/${insideRun.id}`,
        others,
        `${others}/report.pdf`,
        `${others}/report.docx`,
        `${others}/export?format=geojson`,
        `${others}/diff/${insideRun.id}`,
        `${own}/diff/${otherRun.id}`,
        '/api/v1/compliance/checks/99999999',
      ].map(async (path) => [path, (await get(path, scoped)).status]),
    );
    expect(scopedAnswers).toEqual([
      [own, 200],
      [`${own}/export?format=csv`, 200],
      [`${own}/diff/${insideRun.id}`, 200],
      [others, 403],
      [`${others}/report.pdf`, 403],
      [`${others}/report.docx`, 403],
      [`${others}/export?format=geojson`, 403],
      [`${others}/diff/${insideRun.id}`, 403],
      [`${own}/diff/${otherRun.id}`, 403],
      ['/api/v1/compliance/checks/99999999', 404],
    ]);
    expect(errorOf((await get(others, scoped)).body).details).toMatchObject({
      parameter: 'id',
      value: otherRun.id,
    });
    expect(errorOf((await get(`${own}/diff/${otherRun.id}`, scoped)).body).details.parameter).toBe('otherId');
    // the control: the unlimited planner reads the other district's check
    expect((await get(others, planner)).status).toBe(200);
    expect((await get(`${others}/diff/${insideRun.id}`, planner)).status).toBe(200);
  });

  it('lists only the checks of its district', async () => {
    const listed = async (user: SignedIn) =>
      (
        (await get('/api/v1/compliance/checks?limit=500', user)).body as { checks: { id: string }[] }
      ).checks.map((c) => c.id);
    const forScoped = await listed(scoped);
    expect(forScoped).toContain(insideRun.id);
    expect(forScoped).not.toContain(otherRun.id);
    expect(await listed(planner)).toEqual(expect.arrayContaining([insideRun.id, otherRun.id]));
  });
});
