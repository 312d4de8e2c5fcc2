// Hostile input at the access doors: SQL in every text field and in a sort parameter, script text kept as
// data, forged tokens, bodies too large, too deep or of the wrong type, and a flood of slow requests during
// which the health check still answers and after which the service recovers.
import { createTestUser, requestJson, signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
let admin: SignedIn;
beforeAll(async () => {
  admin = await signIn(server.url, 'admin');
});

const INJECTIONS = [
  "' OR '1'='1",
  "admin'--",
  "'; DROP TABLE users; --",
  "1; UPDATE users SET active = false WHERE username = 'admin'",
  '" OR ""="',
  "') UNION SELECT password_hash FROM users --",
];

async function tablesIntact(): Promise<void> {
  const { rows } = await server.pool.query<{ n: number; active: boolean }>(
    `SELECT (SELECT count(*)::int FROM users) AS n, (SELECT active FROM users WHERE username = 'admin') AS active`,
  );
  expect(rows[0]!.n).toBeGreaterThanOrEqual(7);
  expect(rows[0]!.active).toBe(true);
}

describe('SQL in text fields', () => {
  it.each(INJECTIONS)('refuses %s as a login username or password with the usual 401', async (text) => {
    // a user of its own for the wrong passwords: five of them lock the account
    const user = await createTestUser(server.pool, { prefix: 'sqllogin' });
    for (const body of [
      { username: text, password: 'whatever-1' },
      { username: user.username, password: text },
    ]) {
      const res = await requestJson(`${server.url}/api/v1/session`, { method: 'POST', body });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('bad_credentials');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    await tablesIntact();
  });

  it('stores SQL in a display name verbatim', async () => {
    const user = await createTestUser(server.pool, { prefix: 'sqlname' });
    for (const displayName of INJECTIONS) {
      const res = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
        method: 'PATCH',
        headers: admin.headers(),
        body: { displayName },
      });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe(displayName);
      const read = await requestJson(`${server.url}/api/v1/users/${user.id}`, { headers: admin.headers() });
      expect(read.body.displayName).toBe(displayName);
    }
    await tablesIntact();
  });

  it('matches SQL in the audit filters as plain text, and refuses it in typed ones naming them', async () => {
    for (const text of INJECTIONS) {
      // targetType is at most 40 characters: longer ones are refused naming it (below)
      const query = new URLSearchParams({ username: text, targetType: text.slice(0, 40), targetId: text });
      const res = await requestJson(`${server.url}/api/v1/audit?${query}`, { headers: admin.headers() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 0, entries: [] });
    }
    const long = await requestJson(
      `${server.url}/api/v1/audit?targetType=${encodeURIComponent(`x' OR '1'='1' -- ${'x'.repeat(40)}`)}`,
      { headers: admin.headers() },
    );
    expect([long.status, long.body.error.details.parameter]).toEqual([400, 'targetType']);
    for (const parameter of ['action', 'limit', 'offset', 'from', 'format']) {
      const res = await requestJson(
        `${server.url}/api/v1/audit?${parameter}=${encodeURIComponent('1; DELETE FROM audit_log --')}`,
        { headers: admin.headers() },
      );
      expect([parameter, res.status, res.body.error.details.parameter]).toEqual([parameter, 400, parameter]);
    }
  });

  it('answers SQL in a layer code of a path with 404 naming the code, or 400', async () => {
    for (const text of INJECTIONS) {
      const res = await requestJson(`${server.url}/api/v1/layers/${encodeURIComponent(text)}`);
      expect(res.status).toBe(404);
      expect(res.body.error.details).toEqual({ parameter: 'code', value: text });
      const features = await requestJson(`${server.url}/api/v1/layers/${encodeURIComponent(text)}/features`);
      expect(features.status).toBe(404);
      const tile = await fetch(`${server.url}/tiles/${encodeURIComponent(text)}/1/0/0.mvt`);
      expect([400, 404]).toContain(tile.status);
    }
    await tablesIntact();
  });

  it('refuses SQL in the WFS sort parameter and in a type name with an exception naming it', async () => {
    for (const text of INJECTIONS) {
      const base = `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=1`;
      const sorted = await fetch(
        `${base}&TYPENAMES=ob:districts&SORTBY=${encodeURIComponent(`name ${text}`)}`,
      );
      expect(sorted.status).toBe(400);
      expect(await sorted.text()).toMatch(/locator="SORTBY"/);
      const sortedBy = await fetch(`${base}&TYPENAMES=ob:districts&SORTBY=${encodeURIComponent(text)}`);
      expect(sortedBy.status).toBe(400);
      expect(await sortedBy.text()).toMatch(/locator="SORTBY"/);
      const typed = await fetch(`${base}&TYPENAMES=${encodeURIComponent(text)}`);
      expect(typed.status).toBe(400);
      expect(await typed.text()).toMatch(/locator="TYPENAMES"/);
    }
    await tablesIntact();
  });
});

describe('script text', () => {
  it('stores a display name with script text verbatim and returns it as JSON, never as HTML', async () => {
    const xss = `<script>alert("x")</script><img src=x onerror="alert('y')">&amp;`;
    const user = await createTestUser(server.pool, { prefix: 'xss' });
    const res = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: { displayName: xss },
    });
    expect(res.status).toBe(200);
    const read = await fetch(`${server.url}/api/v1/users/${user.id}`, { headers: admin.headers() });
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await read.json()) as { displayName: string }).displayName).toBe(xss);
    const own = await signIn(server.url, user.username, user.password);
    const me = await requestJson(`${server.url}/api/v1/session`, { headers: own.headers() });
    expect(me.body.user.displayName).toBe(xss);
  });
});

describe('forged tokens', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', roles: ['admin'] })}.`;
  const badlySigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'admin' })}.${'A'.repeat(43)}`;

  it.each([
    ['alg: none', unsigned],
    ['a made-up signature', badlySigned],
    ['a key-shaped string', `ob_abcdefgh_${'x'.repeat(43)}`],
  ])('treats %s in the session cookie as no session', async (_name, token) => {
    const res = await requestJson(`${server.url}/api/v1/session`, {
      headers: { cookie: `ob_session=${token}` },
    });
    expect(res.status).toBe(401);
    const users = await requestJson(`${server.url}/api/v1/users`, {
      headers: { cookie: `ob_session=${token}` },
    });
    expect(users.status).toBe(401);
  });

  it.each([
    ['alg: none', unsigned],
    ['a made-up signature', badlySigned],
    ['a key-shaped string', `ob_abcdefgh_${'x'.repeat(43)}`],
  ])('refuses %s as a Bearer key with 401 naming apikey, also on a public layer', async (_name, token) => {
    for (const path of ['/api/v1/layers/imagery_2024', '/api/v1/layers/land_use_plan']) {
      const res = await requestJson(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.details).toEqual({ parameter: 'apikey', reason: 'unknown' });
    }
  });

  it('refuses a forged Bearer key even beside an admin’s session cookie', async () => {
    const res = await requestJson(`${server.url}/api/v1/users`, {
      headers: { ...admin.headers(), authorization: `Bearer ${unsigned}` },
    });
    expect(res.status).toBe(401);
  });
});

describe('bodies', () => {
  it('refuses a JSON body over 1 MB with 413 naming the body', async () => {
    const res = await requestJson(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: admin.headers(),
      body: { username: 'big_one', displayName: 'x'.repeat(1_100_000), password: 'Strong-enough-1' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'too_large', details: { parameter: 'body' } });
  });

  it('refuses JSON nested deeper than 64 levels with 400 naming the body, and keeps answering', async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const code = `deep_${Math.random().toString(36).slice(2, 8)}`;
    const layer = (style: string) =>
      `{"code":"${code}","name":"深","kind":"reference","geometryType":"Polygon","style":${style}}`;
    const cases: [string, string][] = [
      ['/api/v1/session', nested(100_000)],
      ['/api/v1/users', nested(100_000)],
      ['/api/v1/layers', layer(nested(150_000))],
      ['/api/v1/layers', layer(`[${nested(70)}]`)],
    ];
    for (const [path, body] of cases) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: admin.headers({ 'content-type': 'application/json' }),
        body,
      });
      const { error } = (await res.json()) as { error: { details: { parameter: string } } };
      expect([path, res.status, error.details.parameter]).toEqual([path, 400, 'body']);
    }
    // a style of ordinary depth is taken
    const taken = await fetch(`${server.url}/api/v1/layers`, {
      method: 'POST',
      headers: admin.headers({ 'content-type': 'application/json' }),
      body: layer(nested(20)),
    });
    expect(taken.status).toBe(201);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });

  it('refuses malformed JSON with 400 naming the body', async () => {
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "admin", "password": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
      parameter: 'body',
    });
  });

  it.each([
    ['text/plain', 'username=admin&password=x'],
    ['application/x-www-form-urlencoded', 'username=admin&password=x'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--x--',
    ],
    ['application/xml', '<session><username>admin</username></session>'],
  ])('refuses a %s body to a JSON route with 415 naming the body', async (type, body) => {
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(res.status).toBe(415);
    const { error } = (await res.json()) as { error: { code: string; details: { parameter: string } } };
    expect(error).toMatchObject({ code: 'unsupported_media_type', details: { parameter: 'body' } });
  });
});

describe('a flood of slow requests', () => {
  it('answers the health check during 200 concurrent large GetFeatures, and recovers after', async () => {
    const url = `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:land_use_plan&COUNT=5000&OUTPUTFORMAT=application/json`;
    let served = 0;
    const flood = Array.from({ length: 200 }, async () => {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) served++;
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    });
    await new Promise((r) => setTimeout(r, 500));
    // the health check is not queued behind the flood: it answers while most of it is still to be served
    const servedWhenAnswered: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(30_000);
      servedWhenAnswered.push(served);
    }
    expect(Math.max(...servedWhenAnswered)).toBeLessThan(40);
    const answers = await Promise.all(flood);
    // every request is served, or told to come back later; none fails
    const ok = answers.filter((a) => a.status === 200).length;
    const busy = answers.filter((a) => a.status === 503);
    expect(ok + busy.length).toBe(200);
    expect(ok).toBeGreaterThan(0);
    expect(busy.every((a) => Number(a.retryAfter) > 0)).toBe(true);
    const after = await fetch(url.replace('COUNT=5000', 'COUNT=3'));
    expect(after.status).toBe(200);
    expect(((await after.json()) as { features: unknown[] }).features).toHaveLength(3);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  }, 300_000);
});
