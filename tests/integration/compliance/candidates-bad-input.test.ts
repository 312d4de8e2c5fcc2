// Candidate searches that must be refused: the area missing, negative, given twice or absurd, an unknown
// project type (the valid ones listed), district or rule set, a district outside the caller's scope, and
// callers without compliance.run.
import { signIn, type SignedIn } from '../../support/access';
import { postCandidates } from '../../support/compliance-candidates';
import { useTestServer } from '../../support/test-server';

describe('candidate sites bad input', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
  });
  const refused = async (body: Record<string, unknown>, user: SignedIn | undefined = reviewer) => {
    const { status, body: answer } = await postCandidates(server.url, user, body);
    return { status, error: answer.error! };
  };

  it.each([
    ['no area at all', { projectType: '工业项目' }, 'areaM2'],
    ['a negative area', { areaM2: -5000, projectType: '工业项目' }, 'areaM2'],
    ['a zero area', { areaHa: 0, projectType: '工业项目' }, 'areaHa'],
    ['an area that is not a number', { areaMu: '30', projectType: '工业项目' }, 'areaMu'],
    ['an area in two units', { areaM2: 30000, areaHa: 3, projectType: '工业项目' }, 'areaHa'],
    ['an area of 1,000 km², above the largest site', { areaHa: 100_000, projectType: '工业项目' }, 'areaHa'],
    ['no project type', { areaHa: 3 }, 'projectType'],
    [
      'a district code that is not six digits',
      { areaHa: 3, projectType: '工业项目', districtCode: '65' },
      'districtCode',
    ],
    ['a limit above 50', { areaHa: 3, projectType: '工业项目', limit: 51 }, 'limit'],
  ])('refuses %s with 400 naming the parameter', async (_name, body, parameter) => {
    const { status, error } = await refused(body);
    expect(status).toBe(400);
    expect(error.details.parameter).toBe(parameter);
  });

  it('refuses an unknown project type with 400 listing the valid ones', async () => {
    const { status, error } = await refused({ areaHa: 3, projectType: '核电站' });
    expect(status).toBe(400);
    expect(error.details.parameter).toBe('projectType');
    expect([...(error.details.projectTypes as string[])].sort()).toEqual(
      ['房屋建筑工程', '工业项目', '市政基础设施工程', '交通运输工程'].sort(),
    );
    expect(error.message).toContain('工业项目');
  });

  it('refuses an unknown district with 404 naming districtCode', async () => {
    const { status, error } = await refused({ areaHa: 3, projectType: '工业项目', districtCode: '650199' });
    expect(status).toBe(404);
    expect(error.details).toMatchObject({ parameter: 'districtCode', value: '650199' });
  });

  it('refuses an unknown rule set with 404 naming ruleSet', async () => {
    const { status, error } = await refused({ areaHa: 3, projectType: '工业项目', ruleSet: 'no_such_set' });
    expect(status).toBe(404);
    expect(error.details.parameter).toBe('ruleSet');
  });

  it("refuses a district outside a district-scoped caller's scope with 403, as layers do", async () => {
    const tianshan = await signIn(server.url, 'planner_tianshan');
    const { status, error } = await refused(
      { areaHa: 3, projectType: '工业项目', districtCode: '650106' },
      tianshan,
    );
    expect(status).toBe(403);
    expect(error.details).toMatchObject({ parameter: 'districtCode', value: '650106' });
    const own = await postCandidates(server.url, tianshan, {
      areaHa: 3,
      projectType: '房屋建筑工程',
      districtCode: '650102',
      limit: 1,
    });
    expect(own.status).toBe(200);
  });

  it('keeps the search to compliance.run: anonymous 401, a viewer 403', async () => {
    const body = { areaHa: 3, projectType: '工业项目' };
    expect((await postCandidates(server.url, undefined, body)).status).toBe(401);
    const viewer = await signIn(server.url, 'viewer');
    expect((await postCandidates(server.url, viewer, body)).status).toBe(403);
  });
});
