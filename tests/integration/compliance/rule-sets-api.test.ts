// Rule sets over the API: read by whoever runs checks, changed by rule administrators only; the sample set is
// served, each PUT is a new version, a schema error answers 400 with the JSON path at fault, a rule naming an
// unknown layer is refused.
import { signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';
import { SAMPLE_RULE_SET } from '../../../compliance-rules';

interface ErrorBody {
  error: { code: string; message: string; details: { path?: string; issues?: { path: string }[] } };
}

describe('compliance rule sets API', () => {
  const server = useTestServer();
  let admin: SignedIn;
  beforeAll(async () => {
    admin = await signIn(server.url, 'admin');
  });
  // a copy under its own code, so editing it cannot change what other suites check against
  const code = `rules_${process.pid}_${Date.now() % 100000}`;
  const put = (body: unknown, target = code) =>
    fetch(`${server.url}/api/v1/compliance/rule-sets/${target}`, {
      method: 'PUT',
      headers: admin.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const copy = () => JSON.parse(JSON.stringify({ ...SAMPLE_RULE_SET, code })) as typeof SAMPLE_RULE_SET;

  it('lists the sample city rule set and serves it with its rules', async () => {
    const list = (await (
      await fetch(`${server.url}/api/v1/compliance/rule-sets`, { headers: admin.headers() })
    ).json()) as { ruleSets: { code: string; ruleCount: number }[] };
    expect(list.ruleSets).toContainEqual(expect.objectContaining({ code: 'sample_city', ruleCount: 8 }));
    const res = await fetch(`${server.url}/api/v1/compliance/rule-sets/sample_city`, {
      headers: admin.headers(),
    });
    expect(res.status).toBe(200);
    const set = (await res.json()) as {
      rules: { id: string; kind: string; severity: string }[];
      version: number;
    };
    expect(set.rules.map((r) => r.kind).sort()).toEqual(
      [
        'jurisdiction',
        'land_use_compatibility',
        'max_overlap_ratio',
        'min_distance',
        'must_be_within',
        'must_not_intersect',
        'must_not_intersect',
        'within_regional_assessment',
      ].sort(),
    );
    expect(set.rules.find((r) => r.id === 'ecological-red-line')?.severity).toBe('prohibit');
  });

  it('stores each edit as a new version, keeping the old one readable', async () => {
    const first = await put(copy());
    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: number }).version).toBe(1);
    const edited = copy();
    edited.rules[4]!.params = { distanceM: 50 };
    const second = await put(edited);
    const body = (await second.json()) as {
      version: number;
      createdBy: string;
      rules: { id: string; params: unknown }[];
    };
    expect(body.version).toBe(2);
    expect(body.createdBy).toBe('admin');
    expect(body.rules.find((r) => r.id === 'blue-line-setback')?.params).toEqual({ distanceM: 50 });
    const old = (await (
      await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}?version=1`, { headers: admin.headers() })
    ).json()) as { version: number; rules: { id: string; params: unknown }[] };
    expect(old.version).toBe(1);
    expect(old.rules.find((r) => r.id === 'blue-line-setback')?.params).toEqual({ distanceM: 30 });
  });

  it.each([
    [
      'a negative distance',
      (s: ReturnType<typeof copy>) => ((s.rules[4]!.params as { distanceM: number }).distanceM = -5),
      'rules[4].params.distanceM',
    ],
    [
      'an unknown severity',
      (s: ReturnType<typeof copy>) => ((s.rules[1] as { severity: string }).severity = 'forbid'),
      'rules[1].severity',
    ],
    [
      'an unknown kind',
      (s: ReturnType<typeof copy>) => ((s.rules[2] as { kind: string }).kind = 'must_touch'),
      'rules[2].kind',
    ],
    [
      'a missing title',
      (s: ReturnType<typeof copy>) => delete (s.rules[0] as { title?: string }).title,
      'rules[0].title',
    ],
    ['a duplicate rule id', (s: ReturnType<typeof copy>) => (s.rules[3]!.id = s.rules[0]!.id), 'rules[3].id'],
    [
      'a bad land-use code in the matrix',
      (s: ReturnType<typeof copy>) =>
        ((s.rules[3]!.params as { matrix: Record<string, string[]> }).matrix['工业项目'] = ['industrial']),
      'rules[3].params.matrix.工业项目[0]',
    ],
  ])('refuses %s with 400 naming the JSON path', async (_name, spoil, path) => {
    const set = copy();
    spoil(set);
    const res = await put(set);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details.path).toBe(path);
    expect(body.error.message).toContain(path);
  });

  it('refuses a rule naming a layer that does not exist, naming its path', async () => {
    const set = { ...copy(), code: `${code}_x` };
    set.rules[5]!.layers = ['green_line', 'no_such_layer'];
    const res = await put(set, `${code}_x`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details.path).toBe('rules[5].layers[1]');
    const missing = await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}_x`, {
      headers: admin.headers(),
    });
    expect(missing.status).toBe(404); // nothing was stored
  });

  it('lets those who run checks read rule sets but only rule administrators change them: anonymous 401, viewer 403, reviewer reads but may not PUT', async () => {
    expect((await fetch(`${server.url}/api/v1/compliance/rule-sets`)).status).toBe(401);
    const viewer = await signIn(server.url, 'viewer');
    expect(
      (await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}`, { headers: viewer.headers() }))
        .status,
    ).toBe(403);
    const reviewer = await signIn(server.url, 'reviewer');
    const list = await fetch(`${server.url}/api/v1/compliance/rule-sets`, { headers: reviewer.headers() });
    expect(list.status).toBe(200);
    const read = await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}`, {
      headers: reviewer.headers(),
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { code: string; rules: unknown[] }).rules.length).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}`, {
      method: 'PUT',
      headers: reviewer.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(copy()),
    });
    expect(res.status).toBe(403);
  });
});
