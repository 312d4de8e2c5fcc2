// Approval records refused whole with a clear 4xx, and nothing written: a decision before acceptance,
// an unknown stage, item or department, a stale correction or decision (409), a stage out of order (409),
// another district's project for a district-scoped user (403), a change without approvals.manage (403);
// and the table itself refuses an UPDATE or DELETE.
import { requestJson, signIn, createTestUser, type SignedIn } from '../../support/access';
import { createTestProject, type TestProject } from '../../support/approval-projects';
import { useTestServer } from '../../support/test-server';

const FILING = '企业投资项目备案（核准）/政府投资项目审批';

describe('approval records: bad input', () => {
  const server = useTestServer();
  let clerk: SignedIn;
  let project: TestProject;
  let elsewhere: TestProject;
  beforeAll(async () => {
    clerk = await signIn(server.url, 'clerk');
    project = await createTestProject(server.pool, { districtCode: '650102' });
    elsewhere = await createTestProject(server.pool, { districtCode: '650104' });
  });
  const post = (path: string, body: unknown, user: SignedIn = clerk) =>
    requestJson(`${server.url}${path}`, { method: 'POST', headers: user.headers(), body });
  const get = (path: string, user: SignedIn = clerk) =>
    requestJson(`${server.url}${path}`, { headers: user.headers() });
  const records = async (projectId: number) =>
    Number(
      (
        await server.pool.query('SELECT count(*) AS n FROM approval_records WHERE project_id = $1', [
          projectId,
        ])
      ).rows[0].n,
    );
  const register = (code: string, body: Record<string, unknown>, user?: SignedIn) =>
    post(`/api/v1/projects/${code}/approvals`, body, user);

  it('refuses an approval decided before it was accepted (400), on registration and on decision', async () => {
    const before = await records(project.id);
    const res = await register(project.code, {
      stage: 'land_use_planning',
      item: FILING,
      acceptedAt: '2025-03-10T10:00:00+08:00',
      decidedAt: '2025-03-07T16:00:00+08:00',
      status: 'approved',
      documentNo: '乌发改备〔2025〕0001号',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'decided_before_accepted',
      details: { parameter: 'decidedAt' },
    });
    expect(await records(project.id)).toBe(before);

    const open = await register(project.code, {
      stage: 'land_use_planning',
      item: FILING,
      acceptedAt: '2025-03-10T10:00:00+08:00',
    });
    expect(open.status).toBe(201);
    const decided = await post(`/api/v1/approvals/${open.body.id}/decision`, {
      decidedAt: '2025-03-09T23:59:00+08:00',
      status: 'approved',
      documentNo: '乌发改备〔2025〕0002号',
    });
    expect(decided.status).toBe(400);
    expect(decided.body.error.code).toBe('decided_before_accepted');
    expect(await records(project.id)).toBe(before + 1);
  });

  it('refuses an unknown stage, item or department, and the wrong department for an item (400)', async () => {
    const before = await records(project.id);
    const base = { acceptedAt: '2025-03-10T10:00:00+08:00' };
    const stage = await register(project.code, { ...base, stage: 'demolition', item: FILING });
    expect(stage.status).toBe(400);
    expect(stage.body.error).toMatchObject({ code: 'unknown_stage', details: { parameter: 'stage' } });
    const item = await register(project.code, { ...base, stage: 'land_use_planning', item: '采矿许可' });
    expect(item.status).toBe(400);
    expect(item.body.error).toMatchObject({ code: 'unknown_item', details: { parameter: 'item' } });
    expect(item.body.error.details.allowed).toContain(FILING);
    const department = await register(project.code, {
      ...base,
      stage: 'land_use_planning',
      item: FILING,
      department: 'ministry_of_magic',
    });
    expect(department.status).toBe(400);
    expect(department.body.error).toMatchObject({
      code: 'unknown_department',
      details: { parameter: 'department' },
    });
    const wrong = await register(project.code, {
      ...base,
      stage: 'land_use_planning',
      item: FILING,
      department: 'water',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'wrong_department',
      details: { expected: 'development_reform' },
    });
    const longer = await register(project.code, {
      ...base,
      stage: 'land_use_planning',
      item: '建设用地规划许可证核发',
      timeLimitWorkingDays: 25,
    });
    expect(longer.status).toBe(400);
    expect(longer.body.error.code).toBe('time_limit_exceeds_legal');
    expect(await records(project.id)).toBe(before);
  });

  it('refuses correcting or deciding a record that was already superseded (409), naming the current one', async () => {
    const open = await register(project.code, {
      stage: 'land_use_planning',
      item: '建设项目用地预审与选址意见书核发',
      acceptedAt: '2025-04-01T10:00:00+08:00',
    });
    expect(open.status).toBe(201);
    const decided = await post(`/api/v1/approvals/${open.body.id}/decision`, {
      decidedAt: '2025-04-20T16:00:00+08:00',
      status: 'approved',
      documentNo: '用字第650102202500002号',
    });
    expect(decided.status).toBe(201);
    const first = await post(`/api/v1/approvals/${decided.body.id}/correction`, {
      documentNo: '用字第650102202500003号',
      note: '文号更正',
    });
    expect(first.status).toBe(201);
    const before = await records(project.id);
    // a second correction made from the record as it was read before the first
    const stale = await post(`/api/v1/approvals/${decided.body.id}/correction`, {
      documentNo: '用字第650102202500004号',
      note: '再次更正',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_record',
      details: { id: decided.body.id, currentId: first.body.id },
    });
    const staleDecision = await post(`/api/v1/approvals/${open.body.id}/decision`, {
      decidedAt: '2025-04-21T16:00:00+08:00',
      status: 'rejected',
    });
    expect(staleDecision.status).toBe(409);
    expect(staleDecision.body.error.details.currentId).toBe(first.body.id);
    // deciding a decided record is a correction's job
    const again = await post(`/api/v1/approvals/${first.body.id}/decision`, {
      decidedAt: '2025-04-21T16:00:00+08:00',
      status: 'rejected',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_decided');
    expect(await records(project.id)).toBe(before);
    // a correction without its reason is refused
    const silent = await post(`/api/v1/approvals/${first.body.id}/correction`, { documentNo: 'x' });
    expect(silent.status).toBe(400);
    expect(silent.body.error.details.parameter).toBe('note');
  });

  it('lets one of two simultaneous decisions of a record through and refuses the other (409)', async () => {
    const fresh = await createTestProject(server.pool);
    const open = await register(fresh.code, {
      stage: 'land_use_planning',
      item: FILING,
      acceptedAt: '2025-06-03T10:00:00+08:00',
    });
    expect(open.status).toBe(201);
    const decide = (status: string) =>
      post(`/api/v1/approvals/${open.body.id}/decision`, {
        decidedAt: '2025-06-10T16:00:00+08:00',
        status,
        ...(status === 'approved' ? { documentNo: '乌发改备〔2025〕0610号' } : {}),
      });
    const answers = await Promise.all([decide('approved'), decide('rejected')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('stale_record');
    expect(await records(fresh.id)).toBe(2);
  });

  it('refuses a stage before the previous one is approved (409) and an item already in progress (409)', async () => {
    const fresh = await createTestProject(server.pool);
    const early = await register(fresh.code, {
      stage: 'construction',
      item: '施工图设计文件审查',
      acceptedAt: '2025-05-06T10:00:00+08:00',
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'stage_out_of_order',
      details: { stage: 'construction', previousStage: 'construction_planning' },
    });
    const first = await register(fresh.code, {
      stage: 'land_use_planning',
      item: FILING,
      acceptedAt: '2025-05-06T10:00:00+08:00',
    });
    expect(first.status).toBe(201);
    const twice = await register(fresh.code, {
      stage: 'land_use_planning',
      item: FILING,
      acceptedAt: '2025-05-07T10:00:00+08:00',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('item_open');
    expect(await records(fresh.id)).toBe(1);
  });

  it("refuses another district's project to a district-scoped user (403), and changes to a reader", async () => {
    const scoped = await createTestUser(server.pool, {
      prefix: 'clerk_tianshan',
      roles: ['clerk'],
      districts: ['650102'],
    });
    const tianshanClerk = await signIn(server.url, scoped.username, scoped.password);
    const body = { stage: 'land_use_planning', item: FILING, acceptedAt: '2025-03-10T10:00:00+08:00' };
    const refused = await register(elsewhere.code, body, tianshanClerk);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('out_of_district_scope');
    expect(await records(elsewhere.id)).toBe(0);
    // their own district's project is fine
    expect(
      (await register(project.code, { ...body, item: '建设用地规划许可证核发' }, tianshanClerk)).status,
    ).toBe(201);

    const theirs = await register(elsewhere.code, body);
    expect(theirs.status).toBe(201);
    const planner = await signIn(server.url, 'planner_tianshan');
    expect((await get(`/api/v1/projects/${elsewhere.code}/approvals`, planner)).status).toBe(403);
    expect((await get(`/api/v1/approvals/${theirs.body.id}`, planner)).status).toBe(403);
    const decision = { decidedAt: '2025-03-20T16:00:00+08:00', status: 'rejected' };
    expect((await post(`/api/v1/approvals/${theirs.body.id}/decision`, decision, tianshanClerk)).status).toBe(
      403,
    );
    const warnings = await get('/api/v1/approvals/warnings?asOf=2025-06-01', planner);
    expect(warnings.status).toBe(200);
    expect(
      (warnings.body.warnings as { project: { districtCode: string } }[]).every(
        (w) => w.project.districtCode === '650102',
      ),
    ).toBe(true);
    expect((await get('/api/v1/approvals/warnings?district=650104', planner)).status).toBe(403);

    // a planner reads approvals but does not register them
    expect((await register(project.code, body, planner)).status).toBe(403);
    expect(await records(elsewhere.id)).toBe(1);
  });

  it('answers 404 for an unknown project or record', async () => {
    expect((await get('/api/v1/projects/2025-650102-83-01-000000/approvals')).status).toBe(404);
    expect((await get('/api/v1/approvals/999999999')).status).toBe(404);
    expect((await get('/api/v1/approvals/abc')).status).toBe(404);
  });

  it('keeps the table append-only: UPDATE and DELETE are refused by the database', async () => {
    const { rows } = await server.pool.query<{ id: string }>(
      'SELECT id FROM approval_records WHERE project_id = $1 LIMIT 1',
      [project.id],
    );
    await expect(
      server.pool.query("UPDATE approval_records SET document_no = 'x' WHERE id = $1", [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      server.pool.query('DELETE FROM approval_records WHERE id = $1', [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
  });
});
