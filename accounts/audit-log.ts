// The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), each row chained to the one
// before by a SHA-256 over its content, so that a row edited or removed behind the application's back breaks
// the chain that `verifyAuditChain` walks.
import { sql } from '../sql';
import type { Principal } from './principal';
import type { Queryable } from './queryable';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'read',
  'create',
  'update',
  'delete',
  'export',
  'key_use',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  principal?: Principal;
  /** for failed sign-ins, the name that was tried */
  username?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  clientIp?: string | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  const p = entry.principal;
  const userId = p?.kind === 'user' ? p.user.id : null;
  // a signed link's reads are told apart from anonymous ones (its issuance is the issuer's own entry)
  const username =
    p?.kind === 'user'
      ? p.user.username
      : p?.kind === 'signed_link'
        ? 'signed-link'
        : (entry.username ?? null);
  const keyId = p?.kind === 'api_key' ? p.key.id : null;
  await db.query(
    sql`INSERT INTO audit_log (action, user_id, username, api_key_id, target_type, target_id, client_ip, details)
        VALUES (${entry.action}, ${userId}, ${username}, ${keyId}, ${entry.targetType ?? null},
                ${entry.targetId ?? null}, ${entry.clientIp ?? null}, ${JSON.stringify(entry.details ?? {})})`,
  );
}

export interface AuditQuery {
  from?: Date;
  to?: Date;
  action?: AuditAction;
  username?: string;
  targetType?: string;
  targetId?: string;
  limit: number;
  offset: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  action: AuditAction;
  username: string | null;
  userId: number | null;
  apiKeyId: number | null;
  targetType: string | null;
  targetId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
}

export async function queryAudit(db: Queryable, q: AuditQuery): Promise<{ total: number; rows: AuditRow[] }> {
  const filter = sql`
    FROM audit_log
    WHERE (${q.from ?? null}::timestamptz IS NULL OR at >= ${q.from ?? null})
      AND (${q.to ?? null}::timestamptz IS NULL OR at < ${q.to ?? null})
      AND (${q.action ?? null}::text IS NULL OR action = ${q.action ?? null})
      AND (${q.username ?? null}::text IS NULL OR username = ${q.username ?? null})
      AND (${q.targetType ?? null}::text IS NULL OR target_type = ${q.targetType ?? null})
      AND (${q.targetId ?? null}::text IS NULL OR target_id = ${q.targetId ?? null})`;
  const [{ rows: count }, { rows }] = await Promise.all([
    db.query<{ total: number }>({
      text: `SELECT count(*)::int AS total ${filter.text}`,
      values: filter.values,
    }),
    db.query<{
      seq: string;
      at: Date;
      action: AuditAction;
      username: string | null;
      user_id: number | null;
      api_key_id: number | null;
      target_type: string | null;
      target_id: string | null;
      client_ip: string | null;
      details: Record<string, unknown>;
    }>({
      text: `SELECT seq, at, action, username, user_id, api_key_id, target_type, target_id, host(client_ip) AS client_ip,
                    details ${filter.text} ORDER BY seq DESC LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset)}`,
      values: filter.values,
    }),
  ]);
  return {
    total: count[0]?.total ?? 0,
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      action: r.action,
      username: r.username,
      userId: r.user_id,
      apiKeyId: r.api_key_id,
      targetType: r.target_type,
      targetId: r.target_id,
      clientIp: r.client_ip,
      details: r.details,
    })),
  };
}

export interface ChainReport {
  rows: number;
  /** the first row whose hash or link does not match, if any */
  broken: { seq: number; reason: string } | null;
}

/** Walks the chain in order, recomputing every row's hash in the database. */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  const { rows } = await db.query<{ seq: string; ok_hash: boolean; prev_hash: Buffer; hash: Buffer }>(
    `SELECT seq, hash = sha256(prev_hash || convert_to(audit_row_text(a), 'UTF8')) AS ok_hash, prev_hash, hash
     FROM audit_log a ORDER BY seq`,
  );
  let previous: Buffer = Buffer.alloc(0);
  let expectedSeq = 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq)
      return { rows: rows.length, broken: { seq, reason: `row ${expectedSeq} is missing` } };
    if (!row.prev_hash.equals(previous))
      return { rows: rows.length, broken: { seq, reason: 'does not follow the row before it' } };
    if (!row.ok_hash) return { rows: rows.length, broken: { seq, reason: 'its content was changed' } };
    previous = row.hash;
    expectedSeq++;
  }
  return { rows: rows.length, broken: null };
}
