// Listing projects against PostGIS: filters on the record, the search over name, code and unit (Chinese
// substrings, pattern characters taken literally, pinyin initials), the spatial filters on the current site (map extent,
// within a polygon, near a point), sorting, paging as the features API (past the end: an empty page), and
// GeoJSON for the map; each compared with what PostGIS says of the same rows.
import { randomBytes, randomInt } from 'node:crypto';
import { fillProjectInitials } from '../../../projects';
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { createProject } from '../../support/projects';
import { useTestServer } from '../../support/test-server';

describe('project list', () => {
  const server = useTestServer();
  let viewer: SignedIn;
  let planner: SignedIn;
  // projects of this file's own, told apart by their construction unit
  const unit = `列表测试建设单位${randomBytes(3).toString('hex')}`;
  const created: { code: string; stage: string; investmentType: string; projectType: string }[] = [];
  beforeAll(async () => {
    viewer = await signIn(server.url, 'viewer');
    planner = await signIn(server.url, 'planner');
    const specs = [
      {
        stage: 'land_use_planning',
        investmentType: 'government',
        projectType: '房屋建筑工程',
        name: '列表甲工程',
      },
      { stage: 'construction', investmentType: 'social', projectType: '工业项目', name: '列表乙工程' },
      {
        stage: 'construction',
        investmentType: 'government',
        projectType: '房屋建筑工程',
        name: '列表丙工程',
      },
    ] as const;
    for (const spec of specs) {
      const { code } = await createProject(server.url, planner, { ...spec, constructionUnit: unit });
      created.push({ code, ...spec });
    }
  });
  const list = (query: string) =>
    requestJson(`${server.url}/api/v1/projects?${query}`, { headers: viewer.headers() });
  const codes = (body: { projects: { code: string }[] }) => body.projects.map((p) => p.code).sort();
  const sqlCodes = async (where: string, values: unknown[] = []) =>
    (
      await server.pool.query<{ code: string }>(
        `SELECT code FROM projects p WHERE ${where} ORDER BY code`,
        values,
      )
    ).rows.map((r) => r.code);

  const sqlNames = async (constructionUnit: string) =>
    (
      await server.pool.query<{ name: string }>(
        'SELECT name FROM projects WHERE construction_unit = $1 ORDER BY name, id',
        [constructionUnit],
      )
    ).rows.map((r) => r.name);

  it('filters by construction unit, stage, investment type and type together', async () => {
    const all = await list(`constructionUnit=${encodeURIComponent(unit)}`);
    expect(all.status).toBe(200);
    expect(codes(all.body)).toEqual(created.map((c) => c.code).sort());
    const construction = await list(`constructionUnit=${encodeURIComponent(unit)}&stage=construction`);
    expect(codes(construction.body)).toEqual(
      created
        .filter((c) => c.stage === 'construction')
        .map((c) => c.code)
        .sort(),
    );
    const narrow = await list(
      `constructionUnit=${encodeURIComponent(unit)}&stage=construction&investmentType=government&type=${encodeURIComponent('房屋建筑工程')}`,
    );
    expect(codes(narrow.body)).toEqual([created[2]!.code]);
  });

  it('filters the sample city by district and by the accepted date range', async () => {
    const district = await list('district=650105');
    expect(codes(district.body)).toEqual(await sqlCodes("district_code = '650105'"));
    expect(district.body.numberMatched).toBe(2);
    const range = await list('acceptedFrom=2024-01-01&acceptedTo=2024-06-30');
    expect(codes(range.body)).toEqual(
      await sqlCodes("created_at >= '2024-01-01T00:00:00Z' AND created_at < '2024-07-01T00:00:00Z'"),
    );
    expect(range.body.numberMatched).toBeGreaterThan(0);
  });

  it('finds projects by a Chinese substring of the name, a part of the code or of the unit', async () => {
    const byName = await list(`q=${encodeURIComponent('外环路小学')}`);
    expect(codes(byName.body)).toEqual(['2023-650102-83-01-000100']);
    const byCode = await list('q=650102-83-01-000100');
    expect(codes(byCode.body)).toEqual(['2023-650102-83-01-000100']);
    const byUnit = await list(`q=${encodeURIComponent(unit.slice(2))}`);
    expect(codes(byUnit.body)).toEqual(created.map((c) => c.code).sort());
    const unitLike = await list(`q=${encodeURIComponent('水务局')}`);
    expect(codes(unitLike.body)).toEqual(
      await sqlCodes("name LIKE '%水务局%' OR code LIKE '%水务局%' OR construction_unit LIKE '%水务局%'"),
    );
    expect(unitLike.body.numberMatched).toBeGreaterThan(1);
  });

  it('finds projects by the pinyin initials of the name or the unit, and follows a rename', async () => {
    const serial = String(randomInt(100_000, 999_999));
    const { code, lockVersion } = await createProject(server.url, planner, {
      name: `新疆道路改扩建工程${serial}`,
      constructionUnit: `乌鲁木齐市城建集团${serial}`,
    });
    const stored = await server.pool.query(
      'SELECT name_initials, unit_initials FROM projects WHERE code = $1',
      [code],
    );
    expect(stored.rows).toEqual([
      { name_initials: `xjdlgkjgc${serial}`, unit_initials: `wlmqscjjt${serial}` },
    ]);
    // the initials of the name's start, in either case, beside what the Chinese search finds
    const xjdl = await list('q=XJDL&limit=10000');
    expect(codes(xjdl.body)).toContain(code);
    expect(codes(xjdl.body)).toEqual(
      await sqlCodes("name_initials LIKE '%xjdl%' OR unit_initials LIKE '%xjdl%'"),
    );
    expect(codes((await list(`q=gkjgc${serial}`)).body)).toEqual([code]);
    expect(codes((await list(`q=cjjt${serial}`)).body)).toEqual([code]);
    // a rename writes the new name's initials; the old ones no longer find it
    const renamed = await requestJson(`${server.url}/api/v1/projects/${code}`, {
      method: 'PATCH',
      headers: planner.headers(),
      body: { lockVersion, name: `克拉玛依输油管线工程${serial}` },
    });
    expect(renamed.status).toBe(200);
    expect((await list(`q=gkjgc${serial}`)).body.numberMatched).toBe(0);
    expect(codes((await list(`q=klmysygx`)).body)).toContain(code);
    expect(codes((await list(`q=cjjt${serial}`)).body)).toEqual([code]);
  });

  it("finds the sample city's projects by their initials, filled when the database was prepared", async () => {
    // 乌鲁木齐市外环路小学… (loaded by the sample city's loader, which writes no initials)
    const res = await list('q=whlxx');
    expect(codes(res.body)).toContain('2023-650102-83-01-000100');
    const { rows } = await server.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM projects WHERE created_at < '2025-06-01' AND (name_initials IS NULL OR unit_initials IS NULL)",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('fills the initials a project lacks, leaving its record version alone', async () => {
    const code = `2026-650103-83-01-${String(randomInt(100_000, 999_999))}`;
    await server.pool.query(
      `INSERT INTO projects (code, name, construction_unit, investment_type, project_type, district_code, stage)
       VALUES ($1, '米东区供热管网工程', '乌鲁木齐热力公司', 'government', '市政基础设施工程', '650103', 'construction')`,
      [code],
    );
    expect((await list('q=mdqgrgw')).body.projects).toEqual([]);
    expect(await fillProjectInitials(server.pool)).toBeGreaterThanOrEqual(1);
    const { rows } = await server.pool.query(
      'SELECT name_initials, unit_initials, lock_version FROM projects WHERE code = $1',
      [code],
    );
    expect(rows).toEqual([{ name_initials: 'mdqgrgwgc', unit_initials: 'wlmqrlgs', lock_version: 0 }]);
    expect(codes((await list('q=mdqgrgw')).body)).toContain(code);
  });

  it('takes % and _ in the search literally', async () => {
    expect((await list('q=%25')).body.numberMatched).toBe(0);
    expect((await list('q=_')).body.numberMatched).toBe(0);
  });

  it('sorts by a key, descending with a minus, and pages without overlap', async () => {
    const sorted = await list('sort=-createdAt&limit=10000');
    const times = sorted.body.projects.map((p: { createdAt: string }) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byArea = await list('sort=-siteArea&limit=10000');
    const areas = byArea.body.projects.map((p: { siteAreaM2: number | null }) => p.siteAreaM2);
    const sited = areas.filter((a: number | null) => a !== null);
    expect(sited.length).toBeGreaterThan(30);
    expect(sited).toEqual([...sited].sort((a, b) => b - a));
    // projects without a site come last
    expect(areas.slice(sited.length).every((a: number | null) => a === null)).toBe(true);
    const byName = await list(`constructionUnit=${encodeURIComponent(unit)}&sort=name`);
    expect(byName.body.projects.map((p: { name: string }) => p.name)).toEqual(await sqlNames(unit));
    const first = await list('sort=code&limit=7&offset=0');
    const second = await list('sort=code&limit=7&offset=7');
    expect(first.body.numberReturned).toBe(7);
    expect(second.body.numberMatched).toBe(first.body.numberMatched);
    const page1 = first.body.projects.map((p: { code: string }) => p.code);
    const page2 = second.body.projects.map((p: { code: string }) => p.code);
    expect(page1).toEqual([...page1].sort());
    expect(page1[6] < page2[0]).toBe(true);
  });

  it('answers a page past the end as an empty page with the number matched, as the features API', async () => {
    const res = await list('district=650105&offset=50');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ numberMatched: 2, numberReturned: 0, offset: 50, projects: [] });
  });

  it('finds the projects whose site meets the map extent', async () => {
    const bbox = [87.55, 43.78, 87.62, 43.83];
    const res = await list(`bbox=${bbox.join(',')}&limit=10000`);
    expect(codes(res.body)).toEqual(
      await sqlCodes(
        'EXISTS (SELECT 1 FROM project_site_versions s WHERE s.id = p.current_site_version_id AND ST_Intersects(s.geom, ST_MakeEnvelope($1, $2, $3, $4, 4490)))',
        bbox,
      ),
    );
    expect(res.body.numberMatched).toBeGreaterThan(0);
  });

  it('finds the projects whose site lies within a polygon, and near a point with their distance', async () => {
    const { rows } = await server.pool.query<{ code: string; around: unknown; lon: number; lat: number }>(
      `SELECT p.code, ST_AsGeoJSON(ST_Expand(ST_Envelope(s.geom), 0.0005))::json AS around,
              ST_X(ST_PointOnSurface(s.geom)) AS lon, ST_Y(ST_PointOnSurface(s.geom)) AS lat
       FROM projects p JOIN project_site_versions s ON s.id = p.current_site_version_id
       WHERE p.code = '2023-650102-83-01-000100'`,
    );
    const sample = rows[0]!;
    const within = await list(`within=${encodeURIComponent(JSON.stringify(sample.around))}`);
    expect(within.status).toBe(200);
    expect(codes(within.body)).toContain(sample.code);
    expect(codes(within.body)).toEqual(
      await sqlCodes(
        'EXISTS (SELECT 1 FROM project_site_versions s WHERE s.id = p.current_site_version_id AND ST_CoveredBy(s.geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)))',
        [JSON.stringify(sample.around)],
      ),
    );
    const near = await list(`near=${sample.lon},${sample.lat}&radiusM=300&sort=distance`);
    expect(near.body.projects[0]).toMatchObject({ code: sample.code, distanceM: 0 });
    expect(codes(near.body)).toEqual(
      await sqlCodes(
        'EXISTS (SELECT 1 FROM project_site_versions s WHERE s.id = p.current_site_version_id AND ST_DWithin(s.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4490)::geography, 300))',
        [sample.lon, sample.lat],
      ),
    );
    const distances = near.body.projects.map((p: { distanceM: number }) => p.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d: number) => d <= 300)).toBe(true);
  });

  it('gives a GeoJSON FeatureCollection for the map, with site geometries and areas', async () => {
    const res = await list('format=geojson&district=650105');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.numberMatched).toBe(2);
    for (const feature of res.body.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.id).toBe(feature.properties.code);
      expect(feature.geometry.type).toBe('MultiPolygon');
      expect(feature.properties.siteAreaM2).toBeGreaterThan(0);
      expect(feature.properties.siteAreaMu).toBeCloseTo(feature.properties.siteAreaM2 / (10_000 / 15), 1);
    }
  });

  it.each([
    ['stage=done', 'stage'],
    ['bbox=1,2,3', 'bbox'],
    ['near=87.6,43.8', 'radiusM'],
    ['within=notjson', 'within'],
    ['within=%7B%22type%22%3A%22Point%22%2C%22coordinates%22%3A%5B1%2C2%5D%7D', 'within'],
    ['sort=colour', 'sort'],
    ['sort=distance', 'sort'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['acceptedTo=yesterday', 'acceptedTo'],
  ])('refuses %s with 400 naming %s', async (query, parameter) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    // a GeoJSON member at fault is named under its parameter (within.type)
    expect(String(res.body.error.details.parameter).split('.')[0]).toBe(parameter);
  });
});
