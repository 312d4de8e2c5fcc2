// A stored check read back, a project's checks listed, two checks compared (site moved, rule set changed),
// verification codes confirmed (an altered one refused), and who may do what.
import { signIn, type SignedIn } from '../../support/access';
import { bowTie, postCheck, projectSite, square, type CheckBody } from '../../support/compliance-checks';
import { useTestServer } from '../../support/test-server';
import { SAMPLE_RULE_SET } from '../../../compliance-rules';

describe('compliance checks API', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
  });
  const get = async <T>(path: string, user: SignedIn | null = reviewer) => {
    const res = await fetch(`${server.url}${path}`, { headers: user?.headers() ?? {} });
    return { status: res.status, body: (await res.json()) as T };
  };
  const run = async (body: Record<string, unknown>): Promise<CheckBody> => {
    const { status, body: check } = await postCheck(server.url, reviewer, body);
    expect(status).toBe(201);
    return check;
  };

  it('reads a stored check back exactly as it was answered', async () => {
    const posted = await run({ geometry: square(87.4432, 43.8046, 80) });
    expect(posted.verificationCode).toMatch(/^[0-9a-f]{64}$/);
    const { status, body } = await get<CheckBody>(`/api/v1/compliance/checks/${posted.id}`);
    expect(status).toBe(200);
    expect(body).toEqual(posted);
    expect((await get(`/api/v1/compliance/checks/99999999`)).status).toBe(404);
  });

  it('answers a check with the very JSON a read of the stored check gives, whatever the rules found', async () => {
    const project = await projectSite(server.pool, '矿泉水生产线');
    const bowTieSite = bowTie(87.4432, 43.8046, 0.0005);
    const bodies: Record<string, unknown>[] = [
      // over the red line, of a project: conflicts, features with attributes, the project's code and type
      { geometry: project.geometry, projectCode: project.code },
      // straddling the development boundary, over plan parcels of several classes
      { geometry: square(87.36777081, 43.83174608, 100), projectType: '工业项目' },
      // 15 m from the river's blue line, inside a regional assessment area's neighbourhood
      {
        geometry: square(
          87.56674132 + 55 / (111_320 * Math.cos((43.73266026 * Math.PI) / 180)),
          43.73266026,
          80,
        ),
      },
      // repaired (self-intersecting), so the input carries the reason
      { geometry: bowTieSite },
    ];
    for (const body of bodies) {
      const posted = await fetch(`${server.url}/api/v1/compliance/checks`, {
        method: 'POST',
        headers: reviewer.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
      expect(posted.status).toBe(201);
      const answered = await posted.text();
      const { id, verificationCode } = JSON.parse(answered) as { id: string; verificationCode: string };
      const read = await fetch(`${server.url}${posted.headers.get('location')}`, {
        headers: reviewer.headers(),
      });
      // the same text: every value, and every object's keys in the same order
      expect(answered).toBe(await read.text());
      const verified = await get<{ valid: boolean; run: { id: string } }>(
        `/api/v1/compliance/verify/${verificationCode}`,
        null,
      );
      expect(verified).toMatchObject({ status: 200, body: { valid: true, run: { id } } });
    }
  });

  it("lists a project's checks, newest first, and refuses an unknown project", async () => {
    const project = await projectSite(server.pool, '矿泉水生产线');
    const a = await run({ geometry: project.geometry, projectCode: project.code });
    const b = await run({ geometry: project.geometry, projectCode: project.code });
    const { body } = await get<{ checks: { id: string; projectCode: string; verdict: string }[] }>(
      `/api/v1/compliance/checks?projectCode=${project.code}`,
    );
    expect(body.checks.slice(0, 2).map((c) => c.id)).toEqual([b.id, a.id]);
    expect(body.checks.every((c) => c.projectCode === project.code && c.verdict === '不通过')).toBe(true);
    const unknown = await get<{ error: { details: { parameter: string } } }>(
      '/api/v1/compliance/checks?projectCode=2024-650102-47-01-999999',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.parameter).toBe('projectCode');
  });

  it('compares two checks of a moved site: area added and removed, and what each rule changed', async () => {
    // the same 100 m square moved 50 m east, from inside the development boundary across it
    const [lon, lat] = [87.36777081, 43.83174608];
    const dLon = 50 / (111_320 * Math.cos((lat * Math.PI) / 180));
    const before = await run({ geometry: square(lon + dLon, lat, 100) });
    const after = await run({ geometry: square(lon, lat, 100) });
    const { status, body } = await get<{
      site: { moved: boolean; addedAreaM2: number; removedAreaM2: number; addedAreaMu: number };
      verdict: { from: string; to: string; changed: boolean };
      ruleSet: { changed: boolean };
      layerVersions: unknown[];
      rules: { ruleId: string; change: string; areaM2: { from: number; to: number } }[];
    }>(`/api/v1/compliance/checks/${before.id}/diff/${after.id}`);
    expect(status).toBe(200);
    expect(body.site.moved).toBe(true);
    // half the square moved out, half in: about 50 m × 100 m each way
    expect(body.site.addedAreaM2).toBeGreaterThan(4900);
    expect(body.site.addedAreaM2).toBeLessThan(5100);
    expect(Math.abs(body.site.removedAreaM2 - body.site.addedAreaM2)).toBeLessThan(50);
    expect(body.site.addedAreaMu).toBeCloseTo(body.site.addedAreaM2 / (10_000 / 15), 2);
    expect(body.ruleSet.changed).toBe(false);
    expect(body.layerVersions).toEqual([]);
    const boundary = body.rules.find((r) => r.ruleId === 'urban-development-boundary')!;
    expect(boundary.change).toBe('changed');
    expect(boundary.areaM2.to).toBeGreaterThan(boundary.areaM2.from);
  });

  it('names the rule-set version change and the rule whose parameter changed', async () => {
    const admin = await signIn(server.url, 'admin');
    const code = `diff_rules_${process.pid}`;
    const set = JSON.parse(JSON.stringify({ ...SAMPLE_RULE_SET, code })) as typeof SAMPLE_RULE_SET;
    const put = (body: unknown) =>
      fetch(`${server.url}/api/v1/compliance/rule-sets/${code}`, {
        method: 'PUT',
        headers: admin.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
    expect((await put(set)).status).toBe(200);
    // 200 m east of the easternmost vertex of LX-004: clear of a 30 m setback, inside a 300 m one
    const [lon, lat] = [87.56674132, 43.73266026];
    const site = square(lon + (200 + 40) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat, 80);
    const a = await run({ geometry: site, ruleSet: code });
    set.rules[4]!.params = { distanceM: 300 };
    expect((await put(set)).status).toBe(200);
    const b = await run({ geometry: site, ruleSet: code });
    const { body } = await get<{
      site: { moved: boolean };
      ruleSet: { from: { version: number }; to: { version: number }; changed: boolean };
      verdict: { from: string; to: string };
      rules: {
        ruleId: string;
        change: string;
        passed: { from: boolean; to: boolean };
        featuresAdded: string[];
      }[];
    }>(`/api/v1/compliance/checks/${a.id}/diff/${b.id}`);
    expect(body.site.moved).toBe(false);
    expect(body.ruleSet).toMatchObject({ from: { version: 1 }, to: { version: 2 }, changed: true });
    const blue = body.rules.find((r) => r.ruleId === 'blue-line-setback')!;
    expect(blue).toMatchObject({ change: 'changed', passed: { from: true, to: false } });
    expect(blue.featuresAdded).toContain('blue_line:LX-004');
    expect(body.rules.find((r) => r.ruleId === 'ecological-red-line')!.change).toBe('unchanged');
  });

  it('confirms a verification code publicly, and refuses an altered one with 404', async () => {
    const posted = await run({ geometry: square(87.4432, 43.8046, 70) });
    const ok = await get<{ valid: boolean; run: { id: string; verdict: string } }>(
      `/api/v1/compliance/verify/${posted.verificationCode}`,
      null,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, run: { id: posted.id, verdict: posted.verdict } });
    const last = posted.verificationCode.at(-1) === '0' ? '1' : '0';
    const altered = `${posted.verificationCode.slice(0, -1)}${last}`;
    const refused = await get<{ error: { message: string } }>(`/api/v1/compliance/verify/${altered}`, null);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toContain('验证码无效');
  });

  it('notices a stored run whose results were changed after it was sealed', async () => {
    const posted = await run({ geometry: square(87.4432, 43.8046, 75) });
    await server.pool.query(
      "UPDATE compliance_results SET passed = NOT passed WHERE run_id = $1 AND rule_id = 'ecological-red-line'",
      [posted.id],
    );
    const res = await get<{ error: { code: string } }>(
      `/api/v1/compliance/verify/${posted.verificationCode}`,
      null,
    );
    expect(res.status).toBe(409);
  });

  it('keeps checks to reviewers and planners: anonymous 401, viewer 403, planner 201', async () => {
    const geometry = square(87.4432, 43.8046, 60);
    expect((await postCheck(server.url, undefined, { geometry })).status).toBe(401);
    const viewer = await signIn(server.url, 'viewer');
    expect((await postCheck(server.url, viewer, { geometry })).status).toBe(403);
    expect((await get('/api/v1/compliance/checks', viewer)).status).toBe(403);
    expect((await get('/api/v1/compliance/checks', null)).status).toBe(401);
    const planner = await signIn(server.url, 'planner');
    expect((await postCheck(server.url, planner, { geometry })).status).toBe(201);
  });
});
