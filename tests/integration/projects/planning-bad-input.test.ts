// Planning generation refuses what it must, each with a clear 4xx naming what is wrong, and leaves nothing
// half-written: no opinion row, no drawing, no file kept. An opinion from a department not invited, after
// the task was concluded; concluding before every opinion is in and before the deadline; an oversized
// attachment; an unknown assessment; an invalid drawing; another district's project for a district-scoped
// user; and the smaller mistakes around them.
import { createHash } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestUser, requestJson, signIn, type SignedIn } from '../../support/access';
import { testAppConfig } from '../../support/app-config';
import { square } from '../../support/compliance-checks';
import {
  createTestProject,
  planningRowCounts,
  postOpinionMultipart,
  siteInRegionalArea,
  type TestProject,
} from '../../support/planning';
import { docxText } from '../../support/docx-text';
import { useTestServer } from '../../support/test-server';

jest.setTimeout(120_000);

const ATTACHMENT_LIMIT = 1024;
const uploadDir = testAppConfig().uploadDir;
const inTenDays = () => new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** whether any file left in the upload folders holds these bytes */
async function leftAnywhere(data: Buffer): Promise<boolean> {
  const digest = createHash('sha256').update(data).digest('hex');
  if (await exists(path.join(uploadDir, 'planning-attachments', digest))) return true;
  const incoming = path.join(uploadDir, 'planning-incoming');
  const names = await readdir(incoming).catch(() => [] as string[]);
  for (const name of names) {
    const content = await readFile(path.join(incoming, name)).catch(() => null);
    if (content && createHash('sha256').update(content).digest('hex') === digest) return true;
  }
  return false;
}

describe('planning generation bad input', () => {
  const server = useTestServer({ planningAttachmentMaxBytes: ATTACHMENT_LIMIT });
  let planner: SignedIn;
  let ecology: SignedIn;
  let transport: SignedIn;
  let project: TestProject;
  let taskId: number;

  const open = (code: string, body: unknown, user = planner) =>
    requestJson(`${server.url}/api/v1/projects/${code}/planning-tasks`, {
      method: 'POST',
      headers: user.headers(),
      body,
    });
  const opinion = (id: number, body: unknown, user = ecology) =>
    requestJson(`${server.url}/api/v1/planning-tasks/${id}/opinions`, {
      method: 'POST',
      headers: user.headers(),
      body,
    });
  const conclude = (id: number, user = planner) =>
    requestJson(`${server.url}/api/v1/planning-tasks/${id}/conclusion`, {
      method: 'POST',
      headers: user.headers(),
      body: { conclusion: '同意开展前期工作。' },
    });

  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
    ecology = await signIn(server.url, 'dept_reviewer');
    const transportUser = await createTestUser(server.pool, {
      prefix: 'transport',
      roles: ['dept_reviewer'],
      departmentCode: 'transport',
    });
    transport = await signIn(server.url, transportUser.username, transportUser.password);
    const { site } = await siteInRegionalArea(server.pool, 60);
    project = await createTestProject(server.pool, { name: '策划生成错误输入测试工程', site });
    const res = await open(project.code, {
      title: '错误输入测试',
      deadline: inTenDays(),
      departments: ['ecology_environment', 'water'],
    });
    expect(res.status).toBe(201);
    taskId = res.body.id;
  });

  it('refuses anonymous callers (401) and users without the permission (403)', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const anonymous = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}`);
    expect(anonymous.status).toBe(401);
    const viewer = await signIn(server.url, 'viewer');
    expect((await opinion(taskId, { text: '查看人员的意见' }, viewer)).status).toBe(403);
    expect((await conclude(taskId, ecology)).status).toBe(403);
    const opening = await open(
      project.code,
      { title: 't', deadline: inTenDays(), departments: ['water'] },
      ecology,
    );
    expect(opening.status).toBe(403);
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses an opinion from a department that was not invited (403), writing nothing', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const res = await opinion(taskId, { text: '交通部门意见' }, transport);
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ parameter: 'department', value: 'transport' });
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses an unknown assessment (400 naming it), writing nothing', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const res = await opinion(taskId, { text: '意见', requiredAssessments: ['环评', '风水评估'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ parameter: 'requiredAssessments[1]', value: '风水评估' });
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses an invalid drawing with the reason PostGIS gives, and one that is not GeoJSON (400)', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [87.6, 43.8],
          [87.61, 43.81],
          [87.61, 43.8],
          [87.6, 43.81],
          [87.6, 43.8],
        ],
      ],
    };
    const invalid = await opinion(taskId, { text: '意见', geometry: bowtie });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.parameter).toBe('geometry');
    expect(invalid.body.error.details.reason).toMatch(/Self-intersection/);
    const garbled = await opinion(taskId, { text: '意见', geometry: { type: 'Polygon', coordinates: 'x' } });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.details.parameter).toBe('geometry');
    const swapped = await opinion(taskId, {
      text: '意见',
      geometry: { type: 'Point', coordinates: [43.8, 187.6] },
    });
    expect(swapped.status).toBe(400);
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses unknown condition kinds, a setback without a layer or from an unknown one, and a percentage over 100', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const cases: [unknown, string][] = [
      [{ kind: 'view_corridor', value: 1 }, 'conditions[0].kind'],
      [{ kind: 'setback_from', value: 30 }, 'conditions[0].layer'],
      [{ kind: 'setback_from', value: 30, layer: 'no_such_layer' }, 'conditions[0].layer'],
      [{ kind: 'green_ratio_min', value: 130 }, 'conditions[0].value'],
      [{ kind: 'setback_from', value: 30, unit: 'km', layer: 'blue_line' }, 'conditions[0].unit'],
    ];
    for (const [condition, parameter] of cases) {
      const res = await opinion(taskId, { text: '意见', conditions: [condition] });
      expect(res.status).toBe(400);
      expect(res.body.error.details.parameter).toBe(parameter);
    }
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses to confirm reusing an assessment the regional assessment does not offer here', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const task = (
      await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}`, { headers: planner.headers() })
    ).body;
    const offered = new Set(
      task.reuseProposal.map((p: { assessment: { code: string } }) => p.assessment.code),
    );
    const notOffered = ['traffic_impact', 'energy_saving', 'cultural_relics', 'flood_impact'].find(
      (code) => !offered.has(code),
    );
    const res = await opinion(taskId, { text: '意见', reusedAssessments: [notOffered] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('reusedAssessments[0]');
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses an oversized attachment (413) and keeps neither the opinion nor any of its files', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const small = Buffer.from(`小附件 ${Date.now()}`);
    const big = Buffer.alloc(ATTACHMENT_LIMIT + 1, 7);
    big.write(`oversized ${Date.now()}`);
    const res = await postOpinionMultipart(server.url, ecology, taskId, { text: '附件过大' }, [
      { name: 'small.txt', type: 'text/plain', data: small },
      { name: '大附件.pdf', type: 'application/pdf', data: big },
    ]);
    expect(res.status).toBe(413);
    expect(res.body.error.details).toMatchObject({ parameter: 'attachments', limitBytes: ATTACHMENT_LIMIT });
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
    expect(await leftAnywhere(small)).toBe(false);
    expect(await leftAnywhere(big)).toBe(false);
  });

  it('keeps no file of an opinion refused after its files arrived', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const file = Buffer.from(`附件 ${Date.now()} ${Math.random()}`);
    const res = await postOpinionMultipart(
      server.url,
      ecology,
      taskId,
      { text: '意见', conditions: [{ kind: 'setback_from', value: 30, layer: 'no_such_layer' }] },
      [{ name: 'note.txt', type: 'text/plain', data: file }],
    );
    expect(res.status).toBe(400);
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
    expect(await leftAnywhere(file)).toBe(false);
  });

  it('refuses to conclude before every department answered and before the deadline (409 naming the missing)', async () => {
    expect((await opinion(taskId, { text: '生态环境局同意。' })).status).toBe(201);
    const res = await conclude(taskId);
    expect(res.status).toBe(409);
    expect(res.body.error.details.missingDepartments).toEqual([expect.objectContaining({ code: 'water' })]);
    expect(res.body.error.message).toContain('乌鲁木齐市水务局');
    expect((await planningRowCounts(server.pool, taskId)).status).toBe('open');
  });

  it('refuses a conclusion from another department than the lead (403)', async () => {
    const admin = await signIn(server.url, 'admin');
    const res = await conclude(taskId, admin);
    expect(res.status).toBe(403);
    expect((await planningRowCounts(server.pool, taskId)).status).toBe('open');
  });

  it('refuses a second open task on the same project (409)', async () => {
    const res = await open(project.code, { title: '重复', deadline: inTenDays(), departments: ['water'] });
    expect(res.status).toBe(409);
    expect(res.body.error.details.taskId).toBe(taskId);
  });

  it('concludes once the deadline has passed, flagging the department that did not answer as overdue', async () => {
    await server.pool.query('UPDATE planning_tasks SET deadline = current_date - 2 WHERE id = $1', [taskId]);
    const before = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}`, {
      headers: planner.headers(),
    });
    expect(before.body.deadlinePassed).toBe(true);
    expect(before.body.overdueDepartments).toEqual([expect.objectContaining({ code: 'water' })]);
    expect(before.body.departments.find((d: { code: string }) => d.code === 'water').standing).toBe(
      'overdue',
    );
    const res = await conclude(taskId);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('concluded');
    expect(res.body.overdueDepartments).toEqual([expect.objectContaining({ code: 'water' })]);
    // the 策划意见书 names it under the overdue departments, with the deadline
    const docx = await fetch(`${server.url}/api/v1/planning-tasks/${taskId}/opinion-document.docx`, {
      headers: planner.headers(),
    });
    expect(docx.status).toBe(200);
    const { text } = await docxText(Buffer.from(await docx.arrayBuffer()));
    const overdue = text.slice(text.indexOf('逾期未提出意见的部门'));
    expect(overdue).toMatch(
      new RegExp(`^逾期未提出意见的部门\\n乌鲁木齐市水务局（截止日期 ${res.body.deadline}）`),
    );
  });

  it('refuses an opinion after the task was concluded (409), and a second conclusion', async () => {
    const before = await planningRowCounts(server.pool, taskId);
    const res = await opinion(taskId, { text: '迟到的意见' });
    expect(res.status).toBe(409);
    expect((await conclude(taskId)).status).toBe(409);
    expect(await planningRowCounts(server.pool, taskId)).toEqual(before);
  });

  it('refuses a deadline already past, an unknown department and no departments (400)', async () => {
    const other = await createTestProject(server.pool, { name: '策划输入检查工程', site: project.site });
    const past = await open(other.code, { title: 't', deadline: '2020-01-01', departments: ['water'] });
    expect(past.status).toBe(400);
    expect(past.body.error.details.parameter).toBe('deadline');
    const unknown = await open(other.code, {
      title: 't',
      deadline: inTenDays(),
      departments: ['water', 'mars'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.parameter).toBe('departments[1]');
    const none = await open(other.code, { title: 't', deadline: inTenDays(), departments: [] });
    expect(none.status).toBe(400);
    const { rows } = await server.pool.query(
      'SELECT count(*)::int AS n FROM planning_tasks WHERE project_id = $1',
      [other.id],
    );
    expect(rows[0].n).toBe(0);
    expect(
      (await open('2026-650102-83-01-000000', { title: 't', deadline: inTenDays(), departments: ['water'] }))
        .status,
    ).toBe(404);
  });

  it('keeps a district-scoped user to the projects of their districts (403)', async () => {
    const tianshan = await signIn(server.url, 'planner_tianshan');
    const elsewhere = await createTestProject(server.pool, {
      name: '沙依巴克区策划测试工程',
      districtCode: '650103',
      site: square(87.57, 43.79, 60),
    });
    const refused = await open(
      elsewhere.code,
      { title: 't', deadline: inTenDays(), departments: ['water'] },
      tianshan,
    );
    expect(refused.status).toBe(403);
    const { rows } = await server.pool.query(
      'SELECT count(*)::int AS n FROM planning_tasks WHERE project_id = $1',
      [elsewhere.id],
    );
    expect(rows[0].n).toBe(0);

    const opened = await open(elsewhere.code, {
      title: '跨区任务',
      deadline: inTenDays(),
      departments: ['ecology_environment'],
    });
    expect(opened.status).toBe(201);
    expect(
      (
        await requestJson(`${server.url}/api/v1/planning-tasks/${opened.body.id}`, {
          headers: tianshan.headers(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await requestJson(`${server.url}/api/v1/projects/${elsewhere.code}/planning-tasks`, {
          headers: tianshan.headers(),
        })
      ).status,
    ).toBe(403);

    const scopedUser = await createTestUser(server.pool, {
      prefix: 'eco_tianshan',
      roles: ['dept_reviewer'],
      departmentCode: 'ecology_environment',
      districts: ['650102'],
    });
    const scoped = await signIn(server.url, scopedUser.username, scopedUser.password);
    const before = await planningRowCounts(server.pool, opened.body.id);
    expect((await opinion(opened.body.id, { text: '跨区意见' }, scoped)).status).toBe(403);
    expect(await planningRowCounts(server.pool, opened.body.id)).toEqual(before);
    // the inbox of the scoped department user leaves the other district's task out
    const inbox = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: scoped.headers(),
    });
    expect(inbox.body.tasks.map((t: { id: number }) => t.id)).not.toContain(opened.body.id);
  });

  it('answers 409 for the opinion document of a task not yet concluded, 404 for an unknown task', async () => {
    const other = await createTestProject(server.pool, { name: '策划文书检查工程', site: project.site });
    const opened = await open(other.code, { title: '未办结', deadline: inTenDays(), departments: ['water'] });
    const pdf = await fetch(`${server.url}/api/v1/planning-tasks/${opened.body.id}/opinion-document.pdf`, {
      headers: planner.headers(),
    });
    expect(pdf.status).toBe(409);
    const missing = await requestJson(`${server.url}/api/v1/planning-tasks/99999999`, {
      headers: planner.headers(),
    });
    expect(missing.status).toBe(404);
  });
});
