// Signed-in browsers. A session ends when it is signed out or revoked, after SESSION_IDLE_MINUTES without
// use, SESSION_MAX_HOURS after sign-in, or as soon as its user is disabled.
import { sql } from '../sql';
import { isPermission } from './permissions';
import type { UserPrincipal } from './principal';
import type { Queryable } from './queryable';
import { randomToken, tokenHash } from './tokens';
import { SELECT_USERS, toSummary, type UserRow } from './users';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, maxHours: 12 };

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  db: Queryable,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const { rows } = await db.query<{ id: string; expires_at: Date }>(
    sql`INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at, client_ip, user_agent)
        VALUES (${tokenHash(token)}, ${csrfToken}, ${userId}, now() + make_interval(hours => ${policy.maxHours}),
                ${client.ip}, ${client.userAgent?.slice(0, 400) ?? null})
        RETURNING id, expires_at`,
  );
  const row = rows[0] as { id: string; expires_at: Date };
  return { id: row.id, token, csrfToken, expiresAt: row.expires_at };
}

/**
 * A live session with its user (and the user's permissions) in one statement: a request's session check is
 * one round trip.
 */
const LIVE_SESSION = `
SELECT s.id AS session_id, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS stale, u.*,
       coalesce((SELECT array_agg(DISTINCT rp.permission_code) FROM user_roles ur
                 JOIN role_permissions rp ON rp.role_code = ur.role_code WHERE ur.user_id = s.user_id), '{}') AS permissions
FROM sessions s JOIN (${SELECT_USERS}) u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
  AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`;

interface LiveSessionRow extends UserRow {
  session_id: string;
  csrf_token: string;
  stale: boolean;
  permissions: string[];
}

/** The user of a live session token, or undefined for an unknown, ended or revoked one. */
export async function resolveSession(
  db: Queryable,
  token: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<UserPrincipal | undefined> {
  const { rows } = await db.query<LiveSessionRow>({
    name: 'live-session',
    text: LIVE_SESSION,
    values: [tokenHash(token), policy.idleMinutes],
  });
  const session = rows[0];
  if (!session) return undefined;
  if (session.stale)
    await db.query(sql`UPDATE sessions SET last_seen_at = now() WHERE id = ${session.session_id}`);
  const user = toSummary(session);
  return {
    kind: 'user',
    user,
    sessionId: session.session_id,
    csrfToken: session.csrf_token,
    permissions: new Set(session.permissions.filter(isPermission)),
    districts: user.districts.length > 0 ? user.districts : null,
  };
}

export async function revokeSession(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    sql`UPDATE sessions SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`,
  );
  return (rowCount ?? 0) > 0;
}

export async function revokeUserSessions(db: Queryable, userId: number): Promise<number> {
  const { rowCount } = await db.query(
    sql`UPDATE sessions SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL`,
  );
  return rowCount ?? 0;
}

export interface SessionSummary {
  id: string;
  userId: number;
  username: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientIp: string | null;
}

export async function listLiveSessions(db: Queryable, userId?: number): Promise<SessionSummary[]> {
  const { rows } = await db.query<{
    id: string;
    user_id: number;
    username: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    client_ip: string | null;
  }>(
    sql`SELECT s.id, s.user_id, u.username, s.created_at, s.last_seen_at, s.expires_at, host(s.client_ip) AS client_ip
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.revoked_at IS NULL AND s.expires_at > now() AND (${userId ?? null}::int IS NULL OR s.user_id = ${userId ?? null})
        ORDER BY s.last_seen_at DESC LIMIT 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    clientIp: r.client_ip,
  }));
}
