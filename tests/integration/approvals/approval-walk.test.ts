// A project walked through its four approval stages over the API, with every due date checked against one
// computed by hand from the State Council arrangements (2025 国庆·中秋 Oct 1-8 with Sep 28 and Oct 11 worked,
// 2026 元旦 with Jan 4 worked, 2026 春节 Feb 15-23 with Feb 14 and Feb 28 worked, 2026 中秋 and 国庆 with
// Oct 10 worked); warnings as of chosen days; a decision and a correction as new records of one chain.
import { recordStoreOf } from '../../../spatial-api';
import { approvalsOfProject } from '../../../projects';
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { createTestProject, type TestProject } from '../../support/approval-projects';
import { useTestServer } from '../../support/test-server';

interface Approval {
  id: number;
  stage: string;
  item: string;
  status: string;
  dueDate: string;
  kind: string;
  current: boolean;
  supersedesId: number | null;
  supersededById: number | null;
  documentNo: string | null;
  timeLimitWorkingDays: number;
  workingDaysUsed: number;
  workingDaysLeft: number | null;
  warning: { level: string; message: string } | null;
}

const ITEMS = {
  filing: '企业投资项目备案（核准）/政府投资项目审批',
  siting: '建设项目用地预审与选址意见书核发',
  landPermit: '建设用地规划许可证核发',
  design: '建设工程设计方案审查',
  planningPermit: '建设工程规划许可证核发',
  drawings: '施工图设计文件审查',
  civilDefence: '人防工程设计审查',
  buildingPermit: '建筑工程施工许可证核发',
  verification: '规划条件核实',
  jointAcceptance: '联合竣工验收',
  filingAcceptance: '竣工验收备案',
};

describe('an approval walk through the four stages', () => {
  const server = useTestServer();
  let clerk: SignedIn;
  let project: TestProject;
  beforeAll(async () => {
    clerk = await signIn(server.url, 'clerk');
    project = await createTestProject(server.pool);
  });
  const post = (path: string, body: unknown) =>
    requestJson(`${server.url}${path}`, { method: 'POST', headers: clerk.headers(), body });
  const get = (path: string) => requestJson(`${server.url}${path}`, { headers: clerk.headers() });
  const register = async (body: Approval | object) => {
    const res = await post(`/api/v1/projects/${project.code}/approvals`, body);
    expect(res.status).toBe(201);
    return res.body as Approval;
  };
  const decide = async (id: number, decidedAt: string, documentNo: string) => {
    const res = await post(`/api/v1/approvals/${id}/decision`, {
      decidedAt,
      status: 'approved',
      result: '准予许可',
      documentNo,
    });
    expect(res.status).toBe(201);
    return res.body as Approval;
  };

  it('counts a promised 10 working days from 2025-09-26 across 国庆 to 2025-10-16, not 10-10', async () => {
    const filing = await register({
      stage: 'land_use_planning',
      item: ITEMS.filing,
      acceptedAt: '2025-09-26T10:00:00+08:00',
      timeLimitWorkingDays: 10,
    });
    expect(filing).toMatchObject({ status: 'in_progress', kind: 'registration', timeLimitWorkingDays: 10 });
    // Sep 28 (Sun, worked), 29, 30, Oct 9, 10, 11 (Sat, worked), 13, 14, 15, 16
    expect(filing.dueDate).toBe('2025-10-16');

    const asOf = async (day: string) =>
      (await get(`/api/v1/approvals/${filing.id}?asOf=${day}`)).body.record as Approval;
    expect(await asOf('2025-10-13')).toMatchObject({ workingDaysLeft: 3, warning: null });
    expect(await asOf('2025-10-14')).toMatchObject({
      workingDaysLeft: 2,
      warning: { level: 'near_limit' },
    });
    expect(await asOf('2025-10-16')).toMatchObject({ workingDaysLeft: 0, warning: { level: 'near_limit' } });
    expect(await asOf('2025-10-17')).toMatchObject({ workingDaysLeft: -1, warning: { level: 'overdue' } });
    // the threshold is configurable per request
    expect(
      (await get(`/api/v1/approvals/${filing.id}?asOf=2025-10-13&nearLimitDays=3`)).body.record.warning,
    ).toMatchObject({ level: 'near_limit' });

    // the city-wide warnings list it, near the limit first among the district's on 2025-10-14
    const warnings = await get('/api/v1/approvals/warnings?asOf=2025-10-14&district=650102');
    expect(warnings.status).toBe(200);
    const mine = (warnings.body.warnings as Approval[]).find((w) => w.id === filing.id);
    expect(mine).toMatchObject({ workingDaysLeft: 2, warning: { level: 'near_limit' } });
    const late = await get('/api/v1/approvals/warnings?asOf=2025-10-20&level=overdue');
    expect((late.body.warnings as Approval[]).find((w) => w.id === filing.id)?.warning?.level).toBe(
      'overdue',
    );
    expect((late.body.warnings as Approval[]).every((w) => w.warning?.level === 'overdue')).toBe(true);

    // decided on 2025-10-20: a new record superseding the registration, decided late after 12 working days
    const decided = await decide(filing.id, '2025-10-20T16:00:00+08:00', '乌发改备〔2025〕0901号');
    expect(decided).toMatchObject({
      kind: 'decision',
      supersedesId: filing.id,
      status: 'approved',
      dueDate: '2025-10-16',
      workingDaysUsed: 12,
      workingDaysLeft: null,
      warning: { level: 'decided_late' },
    });
    const old = (await get(`/api/v1/approvals/${filing.id}`)).body;
    expect(old.record).toMatchObject({ status: 'in_progress', current: false, supersededById: decided.id });
    expect(old.record.warning).toBeNull();
    expect((old.chain as Approval[]).map((r) => r.id)).toEqual([filing.id, decided.id]);
  });

  it('counts 20 working days from 2025-09-26 to 2025-10-30 and registers a decided item in time', async () => {
    const siting = await register({
      stage: 'land_use_planning',
      item: ITEMS.siting,
      acceptedAt: '2025-09-26T11:00:00+08:00',
      decidedAt: '2025-10-28T16:00:00+08:00',
      status: 'approved',
      result: '准予许可',
      documentNo: '用字第650102202500031号',
    });
    expect(siting).toMatchObject({
      dueDate: '2025-10-30',
      timeLimitWorkingDays: 20,
      workingDaysUsed: 18,
      warning: null,
    });
  });

  it('refuses the next stage until the last item of this one is approved, then walks on', async () => {
    const permit = await register({
      stage: 'land_use_planning',
      item: ITEMS.landPermit,
      acceptedAt: '2025-10-29T10:00:00+08:00',
    });
    const early = await post(`/api/v1/projects/${project.code}/approvals`, {
      stage: 'construction_planning',
      item: ITEMS.design,
      acceptedAt: '2025-11-03T10:00:00+08:00',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('stage_out_of_order');
    expect(early.body.error.details.missingItems).toEqual([
      { item: ITEMS.landPermit, status: 'in_progress' },
    ]);
    await decide(permit.id, '2025-11-05T16:00:00+08:00', '地字第650102202500077号');

    // 元旦 2026: Jan 1-3 off, Jan 4 (Sun) worked; 15 days from Dec 29 run out on Jan 20
    const design = await register({
      stage: 'construction_planning',
      item: ITEMS.design,
      acceptedAt: '2025-12-29T10:00:00+08:00',
    });
    expect(design.dueDate).toBe('2026-01-20');
    await decide(design.id, '2026-01-15T16:00:00+08:00', '乌自然资规审〔2026〕0012号');
    const planning = await register({
      stage: 'construction_planning',
      item: ITEMS.planningPermit,
      acceptedAt: '2026-01-16T10:00:00+08:00',
    });
    await decide(planning.id, '2026-01-23T16:00:00+08:00', '建字第650102202600005号');

    const drawings = await register({
      stage: 'construction',
      item: ITEMS.drawings,
      acceptedAt: '2026-02-02T10:00:00+08:00',
    });
    await decide(drawings.id, '2026-02-10T16:00:00+08:00', '乌施审〔2026〕0031号');
    const defence = await register({
      stage: 'construction',
      item: ITEMS.civilDefence,
      acceptedAt: '2026-02-02T10:30:00+08:00',
    });
    await decide(defence.id, '2026-02-12T16:00:00+08:00', '乌人防审〔2026〕0008号');
    // 春节 2026: Feb 14 (Sat) worked, Feb 15-23 off, Feb 28 (Sat) worked; 7 days from Feb 13 run out on Mar 2
    const building = await register({
      stage: 'construction',
      item: ITEMS.buildingPermit,
      acceptedAt: '2026-02-13T10:00:00+08:00',
    });
    expect(building.dueDate).toBe('2026-03-02');
    const built = await decide(building.id, '2026-02-27T16:00:00+08:00', '650102202602270101');
    expect(built).toMatchObject({ workingDaysUsed: 5, warning: null });

    // 中秋 2026 Sep 25-27 and 国庆 Oct 1-7 off, Oct 10 (Sat) worked; 10 days from Sep 24 run out on Oct 15
    const verification = await register({
      stage: 'completion',
      item: ITEMS.verification,
      acceptedAt: '2026-09-24T10:00:00+08:00',
    });
    expect(verification.dueDate).toBe('2026-10-15');
    await decide(verification.id, '2026-10-14T16:00:00+08:00', '乌规核〔2026〕0102号');
    const joint = await register({
      stage: 'completion',
      item: ITEMS.jointAcceptance,
      acceptedAt: '2026-10-16T10:00:00+08:00',
    });
    expect(joint.dueDate).toBe('2026-11-03');
    await decide(joint.id, '2026-10-30T16:00:00+08:00', '乌联验〔2026〕0044号');
    const last = await register({
      stage: 'completion',
      item: ITEMS.filingAcceptance,
      acceptedAt: '2026-11-30T10:00:00+08:00',
    });
    expect(last.dueDate).toBe('2026-12-07');
  });

  it("corrects a record with a new one and lists the project's current records in stage order", async () => {
    const current = (await get(`/api/v1/projects/${project.code}/approvals`)).body.records as Approval[];
    expect(current.map((r) => r.item)).toEqual(Object.values(ITEMS));
    const permit = current.find((r) => r.item === ITEMS.landPermit)!;
    const corrected = await post(`/api/v1/approvals/${permit.id}/correction`, {
      documentNo: '地字第650102202500078号',
      note: '文号录入错误',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({
      kind: 'correction',
      supersedesId: permit.id,
      documentNo: '地字第650102202500078号',
      status: 'approved',
      note: '文号录入错误',
    });
    const after = (await get(`/api/v1/projects/${project.code}/approvals`)).body.records as Approval[];
    expect(after.find((r) => r.item === ITEMS.landPermit)?.id).toBe(corrected.body.id);
    expect(after).toHaveLength(11);
    const history = (await get(`/api/v1/projects/${project.code}/approvals?history=true`)).body
      .records as Approval[];
    // 11 registrations (one of them decided when registered), 9 decisions, 1 correction: nothing overwritten
    expect(history).toHaveLength(21);
    const chain = (await get(`/api/v1/approvals/${corrected.body.id}`)).body.chain as Approval[];
    expect(chain.map((r) => r.kind)).toEqual(['registration', 'decision', 'correction']);
    expect(chain.map((r) => r.documentNo)).toEqual([
      null,
      '地字第650102202500077号',
      '地字第650102202500078号',
    ]);
  });

  it('gives the project detail its current records with due dates and warnings (approvalsOfProject)', async () => {
    const store = recordStoreOf(server.app);
    const { records, warnings } = await approvalsOfProject(store, project.id, { asOf: '2026-12-03' });
    expect(records).toHaveLength(11);
    expect(records.every((r) => r.current)).toBe(true);
    // Dec 4 and Dec 7 are left of 竣工验收备案; the filing was decided late
    expect(warnings.map((w) => [w.item, w.warning?.level, w.workingDaysLeft])).toEqual([
      [ITEMS.filing, 'decided_late', null],
      [ITEMS.filingAcceptance, 'near_limit', 2],
    ]);
  });
});
