// A rule set's versions for its editor: GET /api/v1/compliance/rule-sets/:code/versions lists every saved
// version newest first with its rule count, author and which is current; a refused save adds none and
// names the JSON path; an unknown rule set is 404 and a user without compliance.run gets 403.
import { SAMPLE_RULE_SET } from '../../../compliance-rules';
import { requestJson, signIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();

describe('rule set versions', () => {
  const code = `versions_${Date.now().toString(36)}`;
  const definition = { ...SAMPLE_RULE_SET, code, name: `版本测试 ${code}` };
  const path = () => `${server.url}/api/v1/compliance/rule-sets/${code}`;

  it('lists the versions newest first, the current one marked, with their authors', async () => {
    const admin = await signIn(server.url, 'admin');
    const put = (body: unknown) =>
      requestJson(path(), {
        method: 'PUT',
        headers: admin.headers({ 'content-type': 'application/json' }),
        body,
      });
    expect((await put(definition)).status).toBe(200);
    const twoRules = { ...definition, rules: definition.rules.slice(0, 2) };
    expect((await put(twoRules)).status).toBe(200);

    const refused = await put({
      ...definition,
      rules: definition.rules.map((rule, i) => (i === 4 ? { ...rule, params: { distanceM: -5 } } : rule)),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.path).toBe('rules[4].params.distanceM');

    const listed = await requestJson(`${path()}/versions`, { headers: admin.headers() });
    expect(listed.status).toBe(200);
    expect(listed.body.versions).toEqual([
      expect.objectContaining({ version: 2, ruleCount: 2, createdBy: 'admin', current: true }),
      expect.objectContaining({
        version: 1,
        ruleCount: definition.rules.length,
        createdBy: 'admin',
        current: false,
      }),
    ]);
    expect(Date.parse(listed.body.versions[0].createdAt)).toBeGreaterThanOrEqual(
      Date.parse(listed.body.versions[1].createdAt),
    );
  });

  it('answers 404 for an unknown rule set and 403 without compliance.run', async () => {
    const admin = await signIn(server.url, 'admin');
    const missing = await requestJson(`${server.url}/api/v1/compliance/rule-sets/no_such_set/versions`, {
      headers: admin.headers(),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.parameter).toBe('ruleSet');
    const viewer = await signIn(server.url, 'viewer');
    expect((await requestJson(`${path()}/versions`, { headers: viewer.headers() })).status).toBe(403);
  });
});
