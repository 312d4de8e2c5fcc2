// Signing in as the demo users (DEMO_PASSWORD, set by `npm test`) and issuing API keys, for tests that
// go through the access checks as a browser or a city system would.
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createUser, findUserIdByName, issueApiKey, type KeyService } from '../../accounts';

export function demoPassword(): string {
  const password = process.env.DEMO_PASSWORD;
  if (!password) throw new Error('DEMO_PASSWORD is not set: run the tests with npm test');
  return password;
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** headers for a request as this user: the cookie, and the CSRF token for changes */
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function signIn(
  baseUrl: string,
  username: string,
  password = demoPassword(),
): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  // the session's cookie (a server with standbys also marks the client as one that writes)
  const cookie =
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('ob_session=')) ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    headers: (extra = {}) => ({ cookie, 'x-csrf-token': csrfToken, ...extra }),
  };
}

/** A key issued by the demo admin, for all layers and services unless limited. */
export async function issueTestKey(
  pool: Pool,
  spec: { name: string; layers?: string[]; services?: KeyService[]; expiresAt?: Date },
): Promise<string> {
  const admin = await findUserIdByName(pool, 'admin');
  if (admin === undefined) throw new Error('the demo admin is missing: the test database has no demo users');
  const issued = await issueApiKey(pool, admin, {
    name: spec.name,
    layers: spec.layers ?? null,
    services: spec.services ?? null,
    expiresAt: spec.expiresAt ?? null,
  });
  return issued.key;
}

/** A user of the test's own, so that a lockout, a password change or disabling touches no one else. */
export async function createTestUser(
  pool: Pool,
  spec: { prefix: string; roles?: string[]; districts?: string[]; departmentCode?: string },
): Promise<{ id: number; username: string; password: string }> {
  const username = `${spec.prefix}_${randomBytes(4).toString('hex')}`;
  const password = `Pw-${randomBytes(9).toString('base64url')}`;
  const user = await createUser(pool, {
    username,
    displayName: `测试用户 ${username}`,
    password,
    roles: spec.roles ?? ['viewer'],
    districts: spec.districts ?? [],
    ...(spec.departmentCode ? { departmentCode: spec.departmentCode } : {}),
  });
  return { id: user.id, username, password };
}

/** JSON over HTTP: the status and the parsed body (undefined when there is none). */
export async function requestJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  // the tests assert the body's shape themselves
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}
