// Candidate sites (选址推荐) against the sample city: every candidate, checked through POST /checks, fails no
// prohibit rule and trips exactly the warn rules the search reported; areas agree with PostGIS geography
// ST_Area computed here; single parcels are of a compatible class and large enough; merged candidates are one
// polygon of adjacent parcels; the district filter and the caller's district scope hold; ranking by score.
import { signIn, type SignedIn } from '../../support/access';
import { postCandidates, type CandidateBody, type SearchBody } from '../../support/compliance-candidates';
import { postCheck, relative } from '../../support/compliance-checks';
import { useTestServer } from '../../support/test-server';
import { SAMPLE_RULE_SET } from '../../../compliance-rules';

type RuleInput = (typeof SAMPLE_RULE_SET)['rules'][number];

describe('candidate sites API', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  const strictCode = `candidates_strict_${process.pid}`;
  const searches: Record<string, SearchBody> = {};

  const search = async (body: Record<string, unknown>, user: SignedIn = reviewer): Promise<SearchBody> => {
    const { status, body: answer } = await postCandidates(server.url, user, body);
    expect(status).toBe(200);
    return answer;
  };

  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
    // a stricter set: the development boundary, the blue-line setback, the green-line share and a far
    // setback of 1500 m from the blue line prohibit (the last one rules out candidates the sample set
    // offers); the regional assessments warn, so that some candidates trip warnings
    const admin = await signIn(server.url, 'admin');
    const rules = (JSON.parse(JSON.stringify(SAMPLE_RULE_SET.rules)) as RuleInput[]).map((r) =>
      ['urban-development-boundary', 'blue-line-setback', 'green-line-overlap'].includes(r.id)
        ? { ...r, severity: 'prohibit' }
        : r.id === 'regional-assessment'
          ? { ...r, severity: 'warn' }
          : r,
    );
    rules.push({
      id: 'blue-line-far',
      title: '距河道蓝线不小于1500米（测试用）',
      legalBasis: '测试规则',
      kind: 'min_distance',
      severity: 'prohibit',
      layers: ['blue_line'],
      params: { distanceM: 1500 },
    } as unknown as RuleInput);
    const put = await fetch(`${server.url}/api/v1/compliance/rule-sets/${strictCode}`, {
      method: 'PUT',
      headers: admin.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ ...SAMPLE_RULE_SET, code: strictCode, rules }),
    });
    expect(put.status).toBe(200);
    searches.singles = await search({ areaHa: 3, projectType: '工业项目', limit: 5 });
    searches.merged = await search({ areaHa: 10, projectType: '工业项目', limit: 5 });
    searches.strict = await search({
      areaM2: 60_000,
      projectType: '房屋建筑工程',
      ruleSet: strictCode,
      limit: 8,
    });
    searches.loose = await search({ areaM2: 60_000, projectType: '房屋建筑工程', limit: 8 });
    searches.district = await search({
      areaMu: 120,
      projectType: '房屋建筑工程',
      districtCode: '650102',
      limit: 6,
    });
  });

  const all = (...names: string[]) => names.flatMap((n) => searches[n]!.candidates);

  it('finds candidates in every search', () => {
    for (const [name, found] of Object.entries(searches))
      expect([name, found.candidates.length > 0]).toEqual([name, true]);
    expect(searches.singles!.candidates.every((c) => c.kind === 'parcel')).toBe(true);
    expect(searches.merged!.candidates.every((c) => c.kind === 'merged')).toBe(true);
  });

  it('returns only candidates that fail no prohibit rule when checked, with the warnings the check finds', async () => {
    const cases: [SearchBody, CandidateBody][] = Object.values(searches).flatMap((s) =>
      s.candidates.map((c): [SearchBody, CandidateBody] => [s, c]),
    );
    expect(cases.length).toBeGreaterThan(15);
    let warned = 0;
    for (const [found, candidate] of cases) {
      const { status, body: check } = await postCheck(server.url, reviewer, {
        geometry: candidate.geometry,
        projectType: found.request.projectType,
        ruleSet: found.ruleSet.code,
      });
      expect(status).toBe(201);
      const failedProhibit = check.rules
        .filter((r) => r.severity === 'prohibit' && !r.passed)
        .map((r) => r.ruleId);
      expect([candidate.parcelIds, failedProhibit]).toEqual([candidate.parcelIds, []]);
      expect(check.verdict).not.toBe('不通过');
      const failedWarn = check.rules.filter((r) => r.severity === 'warn' && !r.passed).map((r) => r.ruleId);
      expect(candidate.warnings.map((w) => w.ruleId).sort()).toEqual(failedWarn.sort());
      warned += failedWarn.length > 0 ? 1 : 0;
    }
    // the regional assessments make some candidates warn, and not all
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(cases.length);
    expect(searches.strict!.rules.prohibit).toEqual(
      expect.arrayContaining([
        'urban-development-boundary',
        'blue-line-setback',
        'green-line-overlap',
        'blue-line-far',
      ]),
    );
  }, 180_000);

  it('leaves out what a prohibit rule forbids: the far setback removes candidates the sample set offers', async () => {
    const within1500 = async (candidate: CandidateBody) =>
      (
        await server.pool.query<{ near: boolean }>(
          `SELECT EXISTS (
             SELECT 1 FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
             WHERE l.code = 'blue_line'
               AND ST_DWithin(f.geom::geography, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography, 1500)) AS near`,
          [JSON.stringify(candidate.geometry)],
        )
      ).rows[0]!.near;
    const looseNear = await Promise.all(searches.loose!.candidates.map(within1500));
    expect(looseNear).toContain(true);
    const strictNear = await Promise.all(searches.strict!.candidates.map(within1500));
    expect(strictNear.every((near) => !near)).toBe(true);
  });

  it('gives areas within 0.01 % of PostGIS geography ST_Area of the geometry and of the parcels', async () => {
    for (const candidate of all('singles', 'merged', 'district')) {
      const { rows } = await server.pool.query<{ geometry: number; parcels: number }>(
        `SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography) AS geometry,
                (SELECT ST_Area(ST_Union(geom)::geography) FROM layer_features WHERE id = ANY($2::bigint[])) AS parcels`,
        [JSON.stringify(candidate.geometry), candidate.parcelIds],
      );
      expect(relative(candidate.areaM2, rows[0]!.geometry)).toBeLessThan(1e-4);
      expect(relative(candidate.areaM2, rows[0]!.parcels)).toBeLessThan(1e-4);
      expect(relative(candidate.areaHa, candidate.areaM2 / 10_000)).toBeLessThan(1e-4);
      expect(relative(candidate.areaMu, candidate.areaM2 / (10_000 / 15))).toBeLessThan(1e-4);
    }
  });

  it('offers single parcels of a class the project type may use, at least the required area', async () => {
    const { candidates, request } = searches.singles!;
    for (const c of candidates) {
      expect(c.parcelIds).toHaveLength(1);
      expect(c.areaM2).toBeGreaterThanOrEqual(request.areaM2);
      const { rows } = await server.pool.query<{ code: string }>(
        "SELECT properties ->> 'land_use_code' AS code FROM layer_features WHERE id = $1",
        [c.parcelIds[0]],
      );
      expect(rows[0]!.code.slice(0, 2)).toMatch(/^1[01]$/);
      expect(c.landUse[0]!.code).toBe(rows[0]!.code);
      expect(c.landUse[0]!.name).toBeTruthy();
      expect(c.parcelKeys[0]).toMatch(/^[A-Z]+-/);
    }
  });

  it('merges adjacent parcels into one polygon, each parcel smaller than the area asked, none shared', async () => {
    const { candidates, request } = searches.merged!;
    const seen = new Set<string>();
    for (const c of candidates) {
      expect(c.parcelIds.length).toBeGreaterThan(1);
      expect(c.geometry.type).toBe('Polygon');
      expect(c.areaM2).toBeGreaterThanOrEqual(request.areaM2);
      const { rows } = await server.pool.query<{ parts: number; largest: number; codes: string[] }>(
        `SELECT ST_NumGeometries(ST_Union(geom)) AS parts, max(ST_Area(geom::geography)) AS largest,
                array_agg(DISTINCT left(properties ->> 'land_use_code', 2)) AS codes
         FROM layer_features WHERE id = ANY($1::bigint[])`,
        [c.parcelIds],
      );
      expect(rows[0]!.parts).toBe(1);
      expect(rows[0]!.largest).toBeLessThan(request.areaM2);
      expect(rows[0]!.codes.every((code) => code === '10' || code === '11')).toBe(true);
      for (const id of c.parcelIds) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });

  it('keeps to the district asked, and a district-scoped caller to their districts', async () => {
    const scoped = await search(
      { areaHa: 4, projectType: '房屋建筑工程', limit: 4 },
      await signIn(server.url, 'planner_tianshan'),
    );
    expect(scoped.request.districtCodes).toEqual(['650102']);
    expect(searches.district!.request.districtCodes).toEqual(['650102']);
    const candidates = [...searches.district!.candidates, ...scoped.candidates];
    expect(scoped.candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(c.district?.code).toBe('650102');
      const { rows } = await server.pool.query<{ inside: boolean }>(
        `SELECT ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490), ST_Union(f.geom)) AS inside
         FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
         WHERE l.code = 'districts' AND f.properties ->> 'admin_code' = '650102'`,
        [JSON.stringify(c.geometry)],
      );
      expect(rows[0]!.inside).toBe(true);
    }
  });

  it('ranks by score, best first, and says why', () => {
    for (const found of Object.values(searches)) {
      const scores = found.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(found.candidates.map((c) => c.rank)).toEqual(found.candidates.map((_, i) => i + 1));
      for (const c of found.candidates) {
        expect(c.score).toBeCloseTo(
          0.5 * c.fit.areaFit + 0.3 * c.fit.compactness + 0.2 / (1 + c.fit.warnings),
          3,
        );
        expect(c.why).toHaveLength(3);
      }
    }
    expect(searches.singles!.candidates[0]!.why[0]).toContain('单一地块');
    expect(searches.merged!.candidates[0]!.why[0]).toContain('相邻地块合并');
  });
});
