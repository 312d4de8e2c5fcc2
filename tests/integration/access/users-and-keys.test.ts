// The admin's side: users created (with the password rule), given roles and districts, disabled; API keys
// issued (shown once), used by city systems on layers that are not public over WMS, WFS, tiles and REST,
// limited to layers and services, revoked and expired; capabilities that list only what may be read.
import { createTestUser, requestJson, signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
let admin: SignedIn;
beforeAll(async () => {
  admin = await signIn(server.url, 'admin');
});

const suffix = () => Math.random().toString(36).slice(2, 8);

describe('users', () => {
  it('creates a user with roles, a department and districts, who can then sign in', async () => {
    const username = `created_${suffix()}`;
    const res = await requestJson(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: admin.headers(),
      body: {
        username,
        displayName: '新建用户',
        password: 'Strong-enough-1',
        department: 'natural_resources',
        roles: ['reviewer'],
        districts: ['650104'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username,
      displayName: '新建用户',
      active: true,
      department: { code: 'natural_resources' },
      roles: ['reviewer'],
      districts: ['650104'],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Strong-enough-1|password|argon2/i);
    const own = await signIn(server.url, username, 'Strong-enough-1');
    const me = await requestJson(`${server.url}/api/v1/session`, { headers: own.headers() });
    expect(me.body.permissions).toEqual(['compliance.run', 'layers.read', 'projects.read']);
  });

  it.each([
    ['too short', 'Short-1'],
    ['digits only', '12345678901234'],
    ['one character repeated', 'aaaaaaaaaaaa'],
  ])('refuses a weak password (%s) with 400 naming password', async (_case, password) => {
    const res = await requestJson(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: admin.headers(),
      body: { username: `weak_${suffix()}`, displayName: '弱密码', password },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'weak_password', details: { parameter: 'password' } });
  });

  it('refuses a taken username with 409, an unknown role with 400 naming roles', async () => {
    const taken = await requestJson(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: admin.headers(),
      body: { username: 'planner', displayName: '重名', password: 'Strong-enough-1' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.parameter).toBe('username');
    const user = await createTestUser(server.pool, { prefix: 'roles' });
    const badRole = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: { roles: ['emperor'] },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error).toMatchObject({ code: 'unknown_role', details: { parameter: 'roles' } });
  });

  it('assigns roles and districts, and the user’s next request has them', async () => {
    const user = await createTestUser(server.pool, { prefix: 'assign', roles: ['viewer'] });
    const own = await signIn(server.url, user.username, user.password);
    const changed = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: { roles: ['planner'], districts: ['650102', '650103'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['planner'], districts: ['650102', '650103'] });
    const me = await requestJson(`${server.url}/api/v1/session`, { headers: own.headers() });
    expect(me.body.user.districts).toEqual(['650102', '650103']);
    expect(me.body.permissions).toContain('layers.manage');
  });

  it('disables a user: the user is listed inactive and cannot sign in', async () => {
    const user = await createTestUser(server.pool, { prefix: 'disable' });
    const res = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: { active: false },
    });
    expect(res.status).toBe(200);
    const listed = await requestJson(`${server.url}/api/v1/users`, { headers: admin.headers() });
    expect(listed.body.users.find((u: { id: number }) => u.id === user.id)).toMatchObject({ active: false });
    const again = await requestJson(`${server.url}/api/v1/session`, {
      method: 'POST',
      body: { username: user.username, password: user.password },
    });
    expect(again.status).toBe(401);
  });

  it('refuses the user routes to a non-admin with 403 naming the permission, and to anonymous with 401', async () => {
    const planner = await signIn(server.url, 'planner');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users', { username: 'x_y', displayName: 'x', password: 'Strong-enough-1' }],
      ['PATCH', '/api/v1/users/1', { active: false }],
      ['GET', '/api/v1/sessions'],
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys', { name: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      const asPlanner = await requestJson(`${server.url}${path}`, {
        method,
        headers: planner.headers(),
        ...(body ? { body } : {}),
      });
      expect([method, path, asPlanner.status, asPlanner.body.error.code]).toEqual([
        method,
        path,
        403,
        'forbidden',
      ]);
      expect(asPlanner.body.error.details.permission).toBe('accounts.manage');
      const anonymous = await requestJson(`${server.url}${path}`, { method, ...(body ? { body } : {}) });
      expect([method, path, anonymous.status, anonymous.body.error.code]).toEqual([
        method,
        path,
        401,
        'unauthenticated',
      ]);
    }
  });
});

describe('API keys', () => {
  async function issue(spec: Record<string, unknown>): Promise<{ id: number; key: string }> {
    const res = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: `key ${suffix()}`, ...spec },
    });
    expect(res.status).toBe(201);
    return res.body as { id: number; key: string };
  }

  const imageryMap = (auth: string) =>
    `${server.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:imagery_2024&STYLES=&CRS=EPSG:4490&BBOX=43.79,87.59,43.81,87.61&WIDTH=32&HEIGHT=32&FORMAT=image/png${auth}`;
  const assessmentsWfs = (auth: string) =>
    `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:regional_assessments&COUNT=2&OUTPUTFORMAT=application/json${auth}`;
  // the z14 tile of 87.6°E 43.8°N, in the imagery
  const imageryTile = (auth: string) =>
    `${server.url}/tiles/imagery_2024/14/12178/5970.png${auth ? `?${auth.slice(1)}` : ''}`;
  const assessmentsRest = (auth: string) =>
    `${server.url}/api/v1/layers/regional_assessments/features?limit=2${auth ? `&${auth.slice(1)}` : ''}`;

  it('shows the key once on issue; the list shows its prefix, never the key', async () => {
    const res = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: '规划一张图对接', layers: ['regional_assessments'], services: ['wfs'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^ob_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{40,}$/);
    expect(res.body).toMatchObject({ layers: ['regional_assessments'], services: ['wfs'], revokedAt: null });
    const listed = await requestJson(`${server.url}/api/v1/api-keys`, { headers: admin.headers() });
    expect(listed.status).toBe(200);
    const entry = listed.body.apiKeys.find((k: { id: number }) => k.id === res.body.id);
    expect(entry).toMatchObject({ name: '规划一张图对接', prefix: res.body.key.split('_')[1] });
    expect(entry).not.toHaveProperty('key');
    expect(JSON.stringify(listed.body)).not.toContain(res.body.key.split('_')[2]);
  });

  it('reads the imagery and the assessments over WMS, WFS, tiles and REST, which refuse anonymous callers', async () => {
    const { key } = await issue({});
    const byUrl = `&apikey=${key}`;
    const map = await fetch(imageryMap(byUrl));
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toBe('image/png');
    const features = await fetch(assessmentsWfs(''), { headers: { authorization: `Bearer ${key}` } });
    expect(features.status).toBe(200);
    expect(((await features.json()) as { features: unknown[] }).features).toHaveLength(2);
    const tile = await fetch(imageryTile(byUrl));
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    const rest = await fetch(assessmentsRest(byUrl));
    expect(rest.status).toBe(200);
    expect(((await rest.json()) as { features: unknown[] }).features).toHaveLength(2);

    for (const url of [imageryMap(''), assessmentsWfs(''), imageryTile(''), assessmentsRest('')]) {
      expect([url, (await fetch(url)).status]).toEqual([url, 401]);
    }
    const anonymousWfs = await (await fetch(assessmentsWfs(''))).text();
    expect(anonymousWfs).toContain('ExceptionReport');
    expect(anonymousWfs).toContain('locator="TYPENAMES"');
  });

  it('refuses a key limited to some layers elsewhere with 403', async () => {
    const { key } = await issue({ layers: ['regional_assessments'] });
    const byUrl = `&apikey=${key}`;
    expect((await fetch(assessmentsWfs(byUrl))).status).toBe(200);
    const map = await fetch(imageryMap(byUrl));
    expect(map.status).toBe(403);
    expect(await map.text()).toMatch(/locator="LAYERS"/);
    expect((await fetch(imageryTile(byUrl))).status).toBe(403);
    // public layers stay readable with it
    const publicMap = await fetch(imageryMap(byUrl).replace('imagery_2024', 'land_use_plan'));
    expect(publicMap.status).toBe(200);
  });

  it('refuses a key limited to some services elsewhere with 403', async () => {
    const { key } = await issue({ services: ['wfs'] });
    const byUrl = `&apikey=${key}`;
    expect((await fetch(assessmentsWfs(byUrl))).status).toBe(200);
    const map = await fetch(imageryMap(byUrl));
    expect(map.status).toBe(403);
    expect(await map.text()).toMatch(/locator="SERVICE"/);
    const tile = await requestJson(imageryTile(byUrl));
    expect(tile.status).toBe(403);
    expect(tile.body.error.details.service).toBe('tiles');
    const rest = await requestJson(assessmentsRest(byUrl));
    expect(rest.status).toBe(403);
    expect(rest.body.error.details.service).toBe('rest');
  });

  it('refuses a revoked key and an expired key with 401 saying which', async () => {
    const revoked = await issue({});
    const res = await requestJson(`${server.url}/api/v1/api-keys/${revoked.id}`, {
      method: 'DELETE',
      headers: admin.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).not.toBeNull();
    const withRevoked = await requestJson(assessmentsRest(`&apikey=${revoked.key}`));
    expect(withRevoked.status).toBe(401);
    expect(withRevoked.body.error.details).toEqual({ parameter: 'apikey', reason: 'revoked' });

    const expired = await issue({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await fetch(assessmentsRest(`&apikey=${expired.key}`))).status).toBe(200);
    await server.pool.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired.id,
    ]);
    const withExpired = await requestJson(assessmentsRest(`&apikey=${expired.key}`));
    expect(withExpired.status).toBe(401);
    expect(withExpired.body.error.details).toEqual({ parameter: 'apikey', reason: 'expired' });
    // on a public layer too: a bad key is refused, not taken for no key
    const publicRead = await fetch(`${server.url}/api/v1/layers/land_use_plan?apikey=${expired.key}`);
    expect(publicRead.status).toBe(401);
  });

  it('refuses an expiry in the past on issue with 400 naming expiresAt', async () => {
    const res = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: 'past', expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.parameter).toBe('expiresAt');
  });
});

describe('capabilities list only the layers the caller may read', () => {
  const wmsCapabilities = async (auth = '') =>
    (await fetch(`${server.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities${auth}`)).text();
  const wfsCapabilities = async (auth = '') =>
    (await fetch(`${server.url}/wfs?SERVICE=WFS&REQUEST=GetCapabilities${auth}`)).text();

  it('lists no imagery or assessments to anonymous callers, public layers to all', async () => {
    const wms = await wmsCapabilities();
    expect(wms).toContain('<Name>ob:land_use_plan</Name>');
    expect(wms).not.toContain('imagery_2024');
    expect(wms).not.toContain('regional_assessments');
    const wfs = await wfsCapabilities();
    expect(wfs).toContain('ob:land_use_plan');
    expect(wfs).not.toContain('regional_assessments');
  });

  it('lists them to a key for all layers, and only its layers’ extra ones to a limited key', async () => {
    const all = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: 'capabilities, all' },
    });
    expect(await wmsCapabilities(`&apikey=${all.body.key}`)).toContain('<Name>ob:imagery_2024</Name>');
    expect(await wfsCapabilities(`&apikey=${all.body.key}`)).toContain('ob:regional_assessments');
    const limited = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: 'capabilities, limited', layers: ['regional_assessments'] },
    });
    const wms = await wmsCapabilities(`&apikey=${limited.body.key}`);
    expect(wms).not.toContain('imagery_2024');
    expect(wms).toContain('<Name>ob:regional_assessments</Name>');
  });

  it('carries a key given in the URL into the advertised addresses (capabilities, TileJSON), privately cached', async () => {
    const issued = await requestJson(`${server.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: admin.headers(),
      body: { name: 'capabilities, addresses' },
    });
    const key = encodeURIComponent(issued.body.key as string);
    const wms = await wmsCapabilities(`&apikey=${key}`);
    expect(wms).toMatch(new RegExp(`<OnlineResource[^>]*href="[^"]*apikey=${key}&amp;"`));
    const wfs = await wfsCapabilities(`&apikey=${key}`);
    expect(wfs).toContain(`<ows:Get xlink:href="${server.url}/wfs?apikey=${key}&amp;"/>`);
    expect(wfs).toContain(`<ows:Post xlink:href="${server.url}/wfs?apikey=${key}"/>`);
    const tileJson = await fetch(`${server.url}/tiles/regional_assessments.json?apikey=${key}`);
    expect(tileJson.status).toBe(200);
    expect(tileJson.headers.get('cache-control')).toMatch(/^private/);
    const { tiles } = (await tileJson.json()) as { tiles: string[] };
    expect(tiles[0]).toContain(`&apikey=${key}`);
    const anonymous = await wmsCapabilities();
    expect(anonymous).not.toContain('apikey=');
    const publicJson = await fetch(`${server.url}/tiles/land_use_plan.json`);
    expect(publicJson.headers.get('cache-control')).toMatch(/^public/);
  });
});
