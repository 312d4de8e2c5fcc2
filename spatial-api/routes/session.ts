// Signing in and out: POST /api/v1/session {username, password} → the user and a CSRF token, with the
// session cookie; GET → who is signed in; DELETE → sign out; PUT /session/password → change one's password.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  AccountError,
  changeOwnPassword,
  checkCredentials,
  openSession,
  resolveSession,
  revokeSession,
  type LockoutPolicy,
  type SessionPolicy,
  type UserPrincipal,
} from '../../accounts';
import { clearSessionCookie, setSessionCookie } from '../access/cookies';
import { clientIp, type AuditTrail } from '../access/audit-trail';
import { principalOf } from '../access/principal-of';
import { parseInput } from '../request-body';

const credentials = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

function presentSession(principal: UserPrincipal) {
  return {
    user: principal.user,
    permissions: [...principal.permissions].sort(),
    csrfToken: principal.csrfToken,
  };
}

function signedIn(principal: ReturnType<typeof principalOf>): UserPrincipal {
  if (principal.kind !== 'user')
    throw new AccountError('unauthenticated', 'unauthenticated', '未登录 / not signed in');
  return principal;
}

export function signInHandler(
  pool: Pool,
  trail: AuditTrail,
  policies: { session: SessionPolicy; lockout: LockoutPolicy },
): RequestHandler {
  return async (req, res) => {
    const { username, password } = parseInput(credentials, req.body);
    let userId: number;
    try {
      userId = await checkCredentials(pool, username, password, policies.lockout);
    } catch (error) {
      if (error instanceof AccountError) {
        await trail.write(req, principalOf(res), {
          action: 'login_failed',
          username,
          targetType: 'session',
          details: { reason: error.code, userAgent: req.get('user-agent') ?? null },
        });
      }
      throw error;
    }
    const session = await openSession(
      pool,
      userId,
      { ip: clientIp(req), userAgent: req.get('user-agent') ?? null },
      policies.session,
    );
    const principal = await resolveSession(pool, session.token, policies.session);
    if (!principal)
      throw new AccountError(
        'unauthenticated',
        'account_disabled',
        '该账号不可用 / this account cannot sign in',
      );
    await trail.write(req, principal, {
      action: 'login',
      targetType: 'session',
      targetId: session.id,
      details: { userAgent: req.get('user-agent') ?? null },
    });
    setSessionCookie(req, res, session.token, session.expiresAt);
    res.json(presentSession(principal));
  };
}

export const currentSessionHandler: RequestHandler = (_req, res) => {
  res.json(presentSession(signedIn(principalOf(res))));
};

export function signOutHandler(pool: Pool, trail: AuditTrail): RequestHandler {
  return async (req, res) => {
    const principal = signedIn(principalOf(res));
    await revokeSession(pool, principal.sessionId);
    await trail.write(req, principal, {
      action: 'logout',
      targetType: 'session',
      targetId: principal.sessionId,
    });
    clearSessionCookie(req, res);
    res.status(204).end();
  };
}

const passwordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export function changePasswordHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const principal = signedIn(principalOf(res));
    const body = parseInput(passwordChange, req.body);
    await changeOwnPassword(pool, principal.user.id, body, principal.sessionId);
    res.json({ changed: true });
  };
}
