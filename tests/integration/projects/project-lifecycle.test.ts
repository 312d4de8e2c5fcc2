// A project walked end to end over the API as the departments would: created by the planner with its
// national code, sited by drawing (the compliance check kept with the site version), moved once with a
// reason, planned with the departments (opinions, conclusion, the 策划意见书), and taken by the window clerk
// through the four approval stages, the due dates counted across 清明 and across 劳动节 with its worked
// Saturday (调休); the project's detail then carries all of it.
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { square } from '../../support/compliance-checks';
import { regionalAreaPoint } from '../../support/planning';
import { createProject, putSite } from '../../support/projects';
import { useTestServer } from '../../support/test-server';

/**
 * The items of each stage, in order, with the day each is accepted and decided (Beijing time); for two of
 * them the due date and the working days used, counted by hand from the 2026 State Council arrangement.
 */
const STAGES: readonly (readonly [string, string, string, string, { due: string; used: number }?])[] = [
  ['land_use_planning', '企业投资项目备案（核准）/政府投资项目审批', '2026-03-02', '2026-03-05'],
  ['land_use_planning', '建设项目用地预审与选址意见书核发', '2026-03-06', '2026-03-12'],
  ['land_use_planning', '建设用地规划许可证核发', '2026-03-13', '2026-03-19'],
  ['construction_planning', '建设工程设计方案审查', '2026-03-20', '2026-03-27'],
  ['construction_planning', '建设工程规划许可证核发', '2026-03-30', '2026-04-02'],
  // 10 working days from Fri Apr 3 over 清明 (Apr 4-6 off): Apr 7-10, 13-17, 20; decided on the 4th
  ['construction', '施工图设计文件审查', '2026-04-03', '2026-04-10', { due: '2026-04-20', used: 4 }],
  ['construction', '人防工程设计审查', '2026-04-13', '2026-04-15'],
  // 7 working days from Wed Apr 29 over 劳动节 (May 1-5 off, Sat May 9 worked): Apr 30, May 6, 7, 8, 9, 11,
  // 12 (May 13 without the worked Saturday, May 8 without the holiday); decided on the 6th
  ['construction', '建筑工程施工许可证核发', '2026-04-29', '2026-05-11', { due: '2026-05-12', used: 6 }],
  ['completion', '规划条件核实', '2026-09-01', '2026-09-04'],
  ['completion', '联合竣工验收', '2026-09-07', '2026-09-11'],
  ['completion', '竣工验收备案', '2026-09-14', '2026-09-16'],
];

describe('a project from creation through planning generation to completion', () => {
  const server = useTestServer();
  let planner: SignedIn;
  let ecology: SignedIn;
  let clerk: SignedIn;
  let code: string;
  let taskId: number;
  beforeAll(async () => {
    [planner, ecology, clerk] = (await Promise.all(
      ['planner', 'dept_reviewer', 'clerk'].map((name) => signIn(server.url, name)),
    )) as [SignedIn, SignedIn, SignedIn];
  });
  const get = (user: SignedIn, path: string) =>
    requestJson(`${server.url}${path}`, { headers: user.headers() });
  const post = (user: SignedIn, path: string, body: unknown) =>
    requestJson(`${server.url}${path}`, { method: 'POST', headers: user.headers(), body });

  it('is created and sited, and each site version keeps its compliance check', async () => {
    ({ code } = await createProject(server.url, planner, {
      districtCode: '650102',
      projectType: '房屋建筑工程',
      name: '全流程测试学校新建工程',
    }));
    const area = await regionalAreaPoint(server.pool);
    const first = await putSite(server.url, planner, code, {
      geometry: square(area.lon, area.lat, 120),
      reason: '建设单位申报用地范围',
      expectedVersion: 0,
    });
    expect(first.status).toBe(201);
    const moved = await putSite(server.url, planner, code, {
      geometry: square(area.lon + 0.0005, area.lat, 120),
      reason: '按规划部门意见东移',
      expectedVersion: 1,
    });
    expect(moved.status).toBe(201);
    const detail = (await get(planner, `/api/v1/projects/${code}`)).body;
    expect(detail.siteHistory.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual(
      [
        [2, '按规划部门意见东移'],
        [1, '建设单位申报用地范围'],
      ],
    );
    expect(detail.complianceRuns).toHaveLength(2);
    const diff = (await get(planner, `/api/v1/projects/${code}/site/versions/1/diff/2`)).body;
    expect(diff.added.areaM2).toBeGreaterThan(0);
    expect(diff.removed.areaM2).toBeGreaterThan(0);
  });

  it('is planned with the departments and concluded into the 策划意见书', async () => {
    const deadline = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const opened = await post(planner, `/api/v1/projects/${code}/planning-tasks`, {
      title: '全流程测试学校新建工程项目策划',
      deadline,
      departments: ['ecology_environment'],
    });
    expect(opened.status).toBe(201);
    taskId = opened.body.id;
    const opinion = await post(ecology, `/api/v1/planning-tasks/${taskId}/opinions`, {
      text: '原则同意。',
      conditions: [{ kind: 'setback_from', layer: 'blue_line', value: 30 }],
      requiredAssessments: ['环评'],
    });
    expect(opinion.status).toBe(201);
    expect(['met', 'not_met']).toContain(opinion.body.opinion.conditions[0].check.status);
    const concluded = await post(planner, `/api/v1/planning-tasks/${taskId}/conclusion`, {
      conclusion: '同意开展前期工作，落实生态环境部门意见。',
    });
    expect(concluded.status).toBe(200);
    const pdf = await fetch(`${server.url}/api/v1/planning-tasks/${taskId}/opinion-document.pdf`, {
      headers: planner.headers(),
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 180_000);

  it('goes through the four approval stages, due dates counted across holidays and 调休', async () => {
    for (const [stage, item, accepted, decided, counted] of STAGES) {
      const registered = await post(clerk, `/api/v1/projects/${code}/approvals`, {
        stage,
        item,
        acceptedAt: `${accepted}T10:00:00+08:00`,
      });
      expect(registered.status).toBe(201);
      const decision = await post(clerk, `/api/v1/approvals/${registered.body.id}/decision`, {
        decidedAt: `${decided}T16:00:00+08:00`,
        status: 'approved',
        result: '准予许可',
        documentNo: `全流程〔2026〕${registered.body.id}号`,
      });
      expect(decision.status).toBe(201);
      expect(decision.body).toMatchObject({ stage, item, status: 'approved', warning: null });
      if (counted)
        expect(decision.body).toMatchObject({ dueDate: counted.due, workingDaysUsed: counted.used });
    }
    const { lockVersion } = (await get(planner, `/api/v1/projects/${code}`)).body.project;
    const patch = await requestJson(`${server.url}/api/v1/projects/${code}`, {
      method: 'PATCH',
      headers: planner.headers(),
      body: { lockVersion, stage: 'completion' },
    });
    expect(patch.status).toBe(200);
  });

  it('shows the whole history in the project detail', async () => {
    const detail = (await get(planner, `/api/v1/projects/${code}`)).body;
    expect(detail.project).toMatchObject({ code, stage: 'completion', districtName: '天山区' });
    expect(detail.planning).toHaveLength(1);
    expect(detail.planning[0]).toMatchObject({ id: taskId, status: 'concluded' });
    expect(detail.planning[0].opinions).toHaveLength(1);
    const records = detail.approvals.records as { stage: string; item: string; status: string }[];
    expect(records).toHaveLength(STAGES.length);
    expect(records.every((r) => r.status === 'approved')).toBe(true);
    expect(new Set(records.map((r) => r.stage))).toEqual(
      new Set(['land_use_planning', 'construction_planning', 'construction', 'completion']),
    );
    expect(detail.approvals.warnings).toEqual([]);
  });
});
