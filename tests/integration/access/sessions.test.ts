// Signing in and out with the session cookie: its flags, the answers to wrong credentials, the lockout,
// changing a password, sessions ended by an admin, by disabling the user and by expiry, forged cookies, and
// the CSRF token a cookie-authenticated change needs (a key needs none).
import { createTestUser, demoPassword, issueTestKey, requestJson, signIn } from '../../support/access';
import { freshLayer } from '../../support/import-fixtures';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();

const session = (cookie: string) =>
  requestJson(`${server.url}/api/v1/session`, { headers: cookie ? { cookie } : {} });
const signInAs = (username: string, password: string) =>
  requestJson(`${server.url}/api/v1/session`, { method: 'POST', body: { username, password } });

describe('signing in and out', () => {
  it('signs in, answers GET /session with the user and CSRF token, signs out and forgets the cookie', async () => {
    const user = await signIn(server.url, 'planner');
    const current = await session(user.cookie);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      user: { username: 'planner', roles: ['planner'], districts: [] },
      csrfToken: user.csrfToken,
    });
    expect(current.body.permissions).toEqual(expect.arrayContaining(['layers.manage', 'layers.read']));

    const out = await requestJson(`${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: user.headers(),
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^ob_session=;/);
    const after = await session(user.cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('sets the cookie HttpOnly, SameSite=Lax, on path /, and not Secure over plain http', async () => {
    const res = await signInAs('viewer', demoPassword());
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ob_session=[A-Za-z0-9_-]{20,};/);
    const flags = cookie.split(';').map((f) => f.trim().toLowerCase());
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=lax');
    expect(flags).toContain('path=/');
    expect(flags).not.toContain('secure');
    expect(flags.some((f) => f.startsWith('expires='))).toBe(true);
  });

  it('answers a wrong password and an unknown user with the same 401 and message', async () => {
    const wrong = await signInAs('reviewer', 'not-the-password-1');
    const unknown = await signInAs('no_such_user_x', 'not-the-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_credentials');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers GET /session without a cookie with 401', async () => {
    const res = await session('');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('lockout', () => {
  it('locks the account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const user = await createTestUser(server.pool, { prefix: 'lockout' });
    for (let attempt = 1; attempt <= 4; attempt++) {
      const res = await signInAs(user.username, 'wrong-password-1');
      expect(res.status).toBe(401);
    }
    const fifth = await signInAs(user.username, 'wrong-password-1');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('account_locked');
    const retryAfter = Number(fifth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await signInAs(user.username, user.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.headers.get('set-cookie')).toBeNull();
  });
});

describe('password change', () => {
  it('ends the other sessions, keeps this one, and only the new password signs in', async () => {
    const user = await createTestUser(server.pool, { prefix: 'pwchange' });
    const here = await signIn(server.url, user.username, user.password);
    const elsewhere = await signIn(server.url, user.username, user.password);
    const newPassword = `${user.password}-new`;

    const wrongCurrent = await requestJson(`${server.url}/api/v1/session/password`, {
      method: 'PUT',
      headers: here.headers(),
      body: { currentPassword: 'not-it-at-all-1', newPassword },
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.error.details.parameter).toBe('currentPassword');

    const weak = await requestJson(`${server.url}/api/v1/session/password`, {
      method: 'PUT',
      headers: here.headers(),
      body: { currentPassword: user.password, newPassword: 'short1' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', details: { parameter: 'password' } });

    const changed = await requestJson(`${server.url}/api/v1/session/password`, {
      method: 'PUT',
      headers: here.headers(),
      body: { currentPassword: user.password, newPassword },
    });
    expect(changed.status).toBe(200);
    expect((await session(here.cookie)).status).toBe(200);
    expect((await session(elsewhere.cookie)).status).toBe(401);
    expect((await signInAs(user.username, user.password)).status).toBe(401);
    const withNew = await signIn(server.url, user.username, newPassword);

    // and back: the old password is accepted again as the new one
    const restored = await requestJson(`${server.url}/api/v1/session/password`, {
      method: 'PUT',
      headers: withNew.headers(),
      body: { currentPassword: newPassword, newPassword: user.password },
    });
    expect(restored.status).toBe(200);
    expect((await signInAs(user.username, user.password)).status).toBe(200);
    expect((await signInAs(user.username, newPassword)).status).toBe(401);
  });
});

describe('sessions ended from outside', () => {
  it('ends a session an admin revokes', async () => {
    const user = await createTestUser(server.pool, { prefix: 'revoked' });
    const victim = await signIn(server.url, user.username, user.password);
    const admin = await signIn(server.url, 'admin');
    const listed = await requestJson(`${server.url}/api/v1/sessions?user=${user.id}`, {
      headers: admin.headers(),
    });
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(1);
    const id = listed.body.sessions[0].id as string;
    expect(listed.body.sessions[0]).toMatchObject({ userId: user.id, username: user.username });

    const revoked = await requestJson(`${server.url}/api/v1/sessions/${id}`, {
      method: 'DELETE',
      headers: admin.headers(),
    });
    expect(revoked.status).toBe(200);
    expect((await session(victim.cookie)).status).toBe(401);
    const again = await requestJson(`${server.url}/api/v1/sessions/${id}`, {
      method: 'DELETE',
      headers: admin.headers(),
    });
    expect(again.status).toBe(404);
  });

  it('ends the live session of a user an admin disables at once, and refuses the user sign-in', async () => {
    const user = await createTestUser(server.pool, { prefix: 'disabled', roles: ['viewer'] });
    const live = await signIn(server.url, user.username, user.password);
    expect((await session(live.cookie)).status).toBe(200);
    const admin = await signIn(server.url, 'admin');
    const disabled = await requestJson(`${server.url}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: { active: false },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await session(live.cookie)).status).toBe(401);
    const imagery = await fetch(`${server.url}/api/v1/layers/imagery_2024`, {
      headers: { cookie: live.cookie },
    });
    expect(imagery.status).toBe(401);
    const again = await signInAs(user.username, user.password);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('account_disabled');
  });

  it('treats a forged cookie as no session', async () => {
    const forged = await session('ob_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(401);
    const garbage = await session('ob_session=%E0%A4%A');
    expect(garbage.status).toBe(401);
  });

  it('treats a cookie whose session expired as no session', async () => {
    const user = await createTestUser(server.pool, { prefix: 'expired' });
    const live = await signIn(server.url, user.username, user.password);
    expect((await session(live.cookie)).status).toBe(200);
    const { rowCount } = await server.pool.query(
      `UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [user.id],
    );
    expect(rowCount).toBe(1);
    expect((await session(live.cookie)).status).toBe(401);
  });
});

describe('CSRF', () => {
  let layer = '';
  beforeAll(async () => {
    layer = await freshLayer(server.pool, { prefix: 'csrf' });
  });
  const change = (headers: Record<string, string>) =>
    requestJson(`${server.url}/api/v1/layers/${layer}`, {
      method: 'PATCH',
      headers,
      body: { description: '跨站请求测试 / CSRF test' },
    });

  it('refuses a cookie-authenticated change without the X-CSRF-Token header', async () => {
    const planner = await signIn(server.url, 'planner');
    const res = await change({ cookie: planner.cookie });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'csrf_failed', details: { parameter: 'X-CSRF-Token' } });
  });

  it('refuses a cookie-authenticated change with a wrong or another session’s token', async () => {
    const planner = await signIn(server.url, 'planner');
    const other = await signIn(server.url, 'planner');
    for (const token of ['wrong', other.csrfToken, '']) {
      const res = await change({ cookie: planner.cookie, 'x-csrf-token': token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_failed');
    }
  });

  it('accepts the change with the session’s own token', async () => {
    const planner = await signIn(server.url, 'planner');
    const res = await change(planner.headers());
    expect(res.status).toBe(200);
  });

  it('asks no CSRF token of a request with an API key', async () => {
    const key = await issueTestKey(server.pool, { name: 'CSRF test' });
    const body =
      '<wfs:GetFeature service="WFS" version="2.0.0" outputFormat="application/json" count="1" ' +
      'xmlns:wfs="http://www.opengis.net/wfs/2.0"><wfs:Query typeNames="ob:regional_assessments"/></wfs:GetFeature>';
    const res = await fetch(`${server.url}/wfs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/xml' },
      body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { features: unknown[] }).features).toHaveLength(1);
    // the same key may not change anything: refused for its permission, not for a missing token
    const patch = await change({ authorization: `Bearer ${key}` });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('forbidden');
  });
});
