// The planning catalogue as the opinion form reads it: the assessments and condition kinds, and the largest
// attachment the server takes, so the form can refuse a larger file before sending it; a file over that
// limit is still refused by the server with 413 naming `attachments`.
import { requestJson, signIn } from '../../support/access';
import { square } from '../../support/compliance-checks';
import { createTestProject, postOpinionMultipart } from '../../support/planning';
import { useTestServer } from '../../support/test-server';

const LIMIT_BYTES = 4096;

describe('the planning catalogue for the opinion form', () => {
  const server = useTestServer({ planningAttachmentMaxBytes: LIMIT_BYTES });

  it('tells the attachment size limit the server enforces', async () => {
    const reviewer = await signIn(server.url, 'dept_reviewer');
    const res = await requestJson(`${server.url}/api/v1/planning-catalogue`, { headers: reviewer.headers() });
    expect(res.status).toBe(200);
    expect(res.body.attachmentMaxBytes).toBe(LIMIT_BYTES);
    expect(res.body.assessments.map((a: { code: string }) => a.code)).toContain('environmental_impact');
    expect(res.body.conditionKinds.find((k: { code: string }) => k.code === 'setback_from')).toMatchObject({
      unit: 'm',
      needsLayer: true,
    });

    // and refuses a file one byte over it
    const planner = await signIn(server.url, 'planner');
    const project = await createTestProject(server.pool, {
      name: '附件上限测试项目',
      site: square(87.6, 43.8, 60),
    });
    const deadline = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const opened = await requestJson(`${server.url}/api/v1/projects/${project.code}/planning-tasks`, {
      method: 'POST',
      headers: planner.headers(),
      body: { title: '附件上限测试', deadline, departments: ['ecology_environment'] },
    });
    expect(opened.status).toBe(201);
    const posted = await postOpinionMultipart(server.url, reviewer, opened.body.id, { text: '同意。' }, [
      {
        name: 'big.bin',
        type: 'application/octet-stream',
        data: Buffer.alloc(res.body.attachmentMaxBytes + 1),
      },
    ]);
    expect(posted.status).toBe(413);
    expect(posted.body.error.details.parameter).toBe('attachments');
  });
});
