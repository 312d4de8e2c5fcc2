// Planning generation walked end to end against PostGIS: the lead (planner, 自然资源局) opens a task on a
// project sited in a regional assessment area, the inbox of an invited department lists it, two departments
// answer (structured conditions, the setback checked against the site by the distance PostGIS gives,
// assessments from the catalogue, reuse of the regional assessment confirmed, a drawing, attachments), one
// revises its opinion, the lead concludes, and the 策划意见书 comes as PDF (text read by pdftotext, a page
// rendered by pdftoppm with the map drawn) and as DOCX.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createTestUser, requestJson, signIn, type SignedIn } from '../../support/access';
import {
  createTestProject,
  distanceToLayerM,
  postOpinionMultipart,
  siteInRegionalArea,
  type TestProject,
} from '../../support/planning';
import { docxText } from '../../support/docx-text';
import { useTestServer } from '../../support/test-server';

const run = promisify(execFile);
jest.setTimeout(300_000);

describe('planning generation from opening to the opinion document', () => {
  const server = useTestServer();
  let planner: SignedIn;
  let ecology: SignedIn;
  let water: SignedIn;
  let project: TestProject;
  let area: { code: string; assessments: string[] };
  let taskId: number;
  let dir: string;
  const attachment = Buffer.from('%PDF-1.4\n% 生态环境局意见附件\n', 'utf8');

  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
    ecology = await signIn(server.url, 'dept_reviewer');
    const waterUser = await createTestUser(server.pool, {
      prefix: 'water',
      roles: ['dept_reviewer'],
      departmentCode: 'water',
    });
    water = await signIn(server.url, waterUser.username, waterUser.password);
    const located = await siteInRegionalArea(server.pool);
    area = located.area;
    project = await createTestProject(server.pool, { name: '策划生成测试学校新建工程', site: located.site });
    dir = await mkdtemp(path.join(os.tmpdir(), 'planning-walk-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens a task led by the user’s department, proposing the regional assessments the site may reuse', async () => {
    const deadline = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const res = await requestJson(`${server.url}/api/v1/projects/${project.code}/planning-tasks`, {
      method: 'POST',
      headers: planner.headers(),
      body: {
        title: '策划生成测试学校新建工程项目策划',
        deadline,
        departments: ['ecology_environment', 'water'],
      },
    });
    expect(res.status).toBe(201);
    taskId = res.body.id;
    expect(res.headers.get('location')).toBe(`/api/v1/planning-tasks/${taskId}`);
    expect(res.body).toMatchObject({
      status: 'open',
      deadline,
      deadlinePassed: false,
      project: { code: project.code },
      leadDepartment: { code: 'natural_resources' },
      createdBy: 'planner',
      opinions: [],
    });
    expect(res.body.departments.map((d: { code: string }) => d.code).sort()).toEqual([
      'ecology_environment',
      'water',
    ]);
    expect(res.body.departments.every((d: { standing: string }) => d.standing === 'waiting')).toBe(true);
    // every assessment the area lists is proposed, from that area
    const proposed = res.body.reuseProposal.map((p: { assessment: { name: string } }) => p.assessment.name);
    expect(proposed.sort()).toEqual([...area.assessments].sort());
    expect(res.body.reuseProposal.every((p: { area: { code: string } }) => p.area.code === area.code)).toBe(
      true,
    );
  });

  it('lists the task in the inbox of each invited department, and not in the lead’s', async () => {
    const inbox = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: water.headers(),
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.tasks.map((t: { id: number }) => t.id)).toContain(taskId);
    const lead = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: planner.headers(),
    });
    expect(lead.body.tasks.map((t: { id: number }) => t.id)).not.toContain(taskId);
  });

  it('takes the ecology department’s opinion with conditions, assessments, reuse, a drawing and a file', async () => {
    const reuse = area.assessments[0]!;
    const drawing = {
      type: 'LineString',
      coordinates: project.site.coordinates[0]!.slice(0, 2),
    };
    const posted = await postOpinionMultipart(
      server.url,
      ecology,
      taskId,
      {
        text: '原则同意。项目须落实生态环境保护措施。',
        conditions: [
          {
            kind: 'setback_from',
            layer: 'blue_line',
            value: 30,
            unit: 'm',
            legalBasis: '《城市蓝线管理办法》第十条',
            text: '建筑退让河道蓝线不少于30米',
          },
          { kind: 'plot_ratio_max', value: 2.0, legalBasis: '控制性详细规划' },
        ],
        requiredAssessments: ['环评', '水土保持方案'],
        reusedAssessments: [reuse],
        geometry: drawing,
      },
      [{ name: '生态意见说明.pdf', type: 'application/pdf', data: attachment }],
    );
    expect(posted.status).toBe(201);
    const opinion = posted.body.opinion;
    expect(opinion.department.code).toBe('ecology_environment');
    expect(opinion.author.username).toBe('dept_reviewer');
    expect(opinion.requiredAssessments).toEqual([
      { code: 'environmental_impact', name: '环境影响评价' },
      { code: 'soil_water_conservation', name: '水土保持方案' },
    ]);
    expect(opinion.reusedAssessments).toHaveLength(1);
    expect(opinion.reusedAssessments[0].area.code).toBe(area.code);
    expect(opinion.geometry.type).toBe('LineString');

    // the setback: the distance PostGIS measures from the site to the blue line, compared with 30 m
    const [setback, ratio] = opinion.conditions;
    const expected = await distanceToLayerM(server.pool, project.site, 'blue_line');
    expect(setback.check.distanceM).toBeCloseTo(expected, 1);
    expect(setback.check.status).toBe(expected >= 30 ? 'met' : 'not_met');
    expect(setback.check.layerVersionId).toMatch(/^\d+$/);
    // the plot ratio: against the land-use plan parcels under the site (planning-condition-checks.test.ts)
    expect(ratio.check.layer).toBe('land_use_plan');
    if (ratio.check.planValue === null) expect(ratio.check.status).toBe('not_checkable');
    else expect(ratio.check.status).toBe(2.0 <= ratio.check.planValue ? 'met' : 'not_met');

    expect(opinion.attachments).toEqual([
      {
        name: '生态意见说明.pdf',
        mediaType: 'application/pdf',
        sizeBytes: attachment.length,
        sha256: createHash('sha256').update(attachment).digest('hex'),
        url: `/api/v1/planning-tasks/${taskId}/attachments/${createHash('sha256').update(attachment).digest('hex')}`,
      },
    ]);
    const download = await fetch(`${server.url}${opinion.attachments[0].url}`, {
      headers: planner.headers(),
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(attachment)).toBe(true);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('生态意见说明.pdf'));
  });

  it('checks a setback that the site does not keep as not met', async () => {
    const distance = await distanceToLayerM(server.pool, project.site, 'blue_line');
    const res = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}/opinions`, {
      method: 'POST',
      headers: ecology.headers(),
      body: {
        text: '修订：原则同意，退让距离从严。',
        conditions: [{ kind: 'setback_from', layer: 'blue_line', value: Math.ceil(distance) + 100 }],
        requiredAssessments: ['环境影响评价'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.opinion.conditions[0].check.status).toBe('not_met');
  });

  it('keeps the first opinion when the department revises it: the revision supersedes it', async () => {
    const task = (
      await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}`, { headers: planner.headers() })
    ).body;
    const current = task.opinions.filter(
      (o: { department: { code: string } }) => o.department.code === 'ecology_environment',
    );
    expect(current).toHaveLength(1);
    expect(current[0].text).toBe('修订：原则同意，退让距离从严。');
    expect(task.supersededOpinions).toEqual([
      expect.objectContaining({ departmentCode: 'ecology_environment', supersededBy: current[0].id }),
    ]);
    expect(current[0].supersedesId).toBe(task.supersededOpinions[0].id);
    const { rows } = await server.pool.query(
      'SELECT count(*)::int AS n FROM planning_opinions WHERE task_id = $1',
      [taskId],
    );
    expect(rows[0].n).toBe(2);
    // a department with an opinion is no longer waiting
    const inbox = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: ecology.headers(),
    });
    expect(inbox.body.tasks.map((t: { id: number }) => t.id)).not.toContain(taskId);
  });

  it('concludes once the water department has answered: open → concluded', async () => {
    const answered = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}/opinions`, {
      method: 'POST',
      headers: water.headers(),
      body: {
        text: '同意。须编制水土保持方案并落实防洪措施。',
        conditions: [{ kind: 'other', text: '施工期不得占用河道行洪断面' }],
        requiredAssessments: ['洪评'],
      },
    });
    expect(answered.status).toBe(201);
    const res = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}/conclusion`, {
      method: 'POST',
      headers: planner.headers(),
      body: { conclusion: '经联合会商，项目符合国土空间规划，同意开展前期工作。' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'concluded',
      conclusion: '经联合会商，项目符合国土空间规划，同意开展前期工作。',
      concludedBy: 'planner',
      missingDepartments: [],
      overdueDepartments: [],
    });
    expect(res.body.concludedAt).toEqual(expect.any(String));
  });

  it('writes the 策划意见书 as a PDF with the Chinese text and a map on its first page', async () => {
    const res = await fetch(`${server.url}/api/v1/planning-tasks/${taskId}/opinion-document.pdf`, {
      headers: planner.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, 'opinions.pdf');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/[ \t]+/g, ' ');
    for (const expected of [
      '项目策划意见书',
      project.code,
      '策划生成测试学校新建工程',
      '经联合会商，项目符合国土空间规划，同意开展前期工作。',
      '乌鲁木齐市生态环境局',
      '乌鲁木齐市水务局',
      '修订：原则同意，退让距离从严。',
      '图上核验：不符合',
      '洪水影响评价',
      '施工期不得占用河道行洪断面',
      '区域评估成果复用',
    ])
      expect(text).toContain(expected);

    await run('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const image = await loadImage(await readFile(path.join(dir, 'page.png')));
    const ctx = createCanvas(image.width, image.height).getContext('2d');
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    let notWhite = 0;
    let siteOutline = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r + g + b < 700) notWhite += 1;
      if (r > 200 && g > 180 && b < 90) siteOutline += 1; // the yellow dashed site
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    const pixels = image.width * image.height;
    expect(notWhite / pixels).toBeGreaterThan(0.2); // the map covers a good part of the page
    expect(siteOutline).toBeGreaterThan(10);
    expect(colours.size).toBeGreaterThan(20); // not one flat fill
  });

  it('writes the same document as DOCX with the map embedded', async () => {
    const res = await fetch(`${server.url}/api/v1/planning-tasks/${taskId}/opinion-document.docx`, {
      headers: planner.headers(),
    });
    expect(res.status).toBe(200);
    const { text, images } = await docxText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('项目策划意见书');
    expect(text).toContain(project.code);
    expect(text).toContain('乌鲁木齐市水务局');
    expect(text).toContain('经联合会商，项目符合国土空间规划，同意开展前期工作。');
    expect(images.length).toBe(1);
  });

  it('gives the project’s tasks with their opinions for the project detail', async () => {
    const res = await requestJson(`${server.url}/api/v1/projects/${project.code}/planning-tasks`, {
      headers: ecology.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.body.tasks).toHaveLength(1);
    expect(res.body.tasks[0].id).toBe(taskId);
    expect(res.body.tasks[0].opinions).toHaveLength(2);
  });
});
