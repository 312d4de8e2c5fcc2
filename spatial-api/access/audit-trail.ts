// What the HTTP edge writes to the audit log: every change with who, what and the object before and after;
// reads of non-public layers and uses of an API key (at most once per caller and target every few minutes,
// so that a map's hundred tiles are one line); exports.
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { appendAudit, type AuditAction, type AuditEntry, type Principal } from '../../accounts';

const SECRET_FIELDS = /^(password|currentPassword|newPassword|key|token|csrfToken|signature|signedUrl)$/i;
const READ_THROTTLE_MS = 5 * 60_000;
const THROTTLE_ENTRIES = 10_000;

/** The value with secret fields masked, for the log. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => withoutSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_FIELDS.test(k) && typeof v === 'string' ? '***' : withoutSecrets(v, depth + 1),
    ]),
  );
}

export function clientIp(req: Request): string | null {
  const ip = req.ip ?? req.socket.remoteAddress ?? null;
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export class AuditTrail {
  private readonly lastRead = new Map<string, number>();

  constructor(private readonly pool: Pool) {}

  write(
    req: Request,
    principal: Principal,
    entry: Omit<AuditEntry, 'principal' | 'clientIp'>,
  ): Promise<void> {
    return appendAudit(this.pool, { ...entry, principal, clientIp: clientIp(req) }).catch(
      (error: unknown) => {
        console.error(JSON.stringify({ msg: 'audit log write failed', error: String(error) }));
      },
    );
  }

  /** A read or a key use, unless the same caller was recorded on the same target a short while ago. */
  writeThrottled(
    req: Request,
    principal: Principal,
    action: AuditAction,
    targetType: string,
    targetId: string,
    details: Record<string, unknown>,
  ): void {
    const who =
      principal.kind === 'user'
        ? `u${principal.user.id}`
        : principal.kind === 'api_key'
          ? `k${principal.key.id}`
          : principal.kind === 'signed_link'
            ? `l${principal.link.expires}:${principal.link.projectCode ?? ''}`
            : 'anon';
    const key = `${who}|${action}|${targetType}|${targetId}`;
    const now = Date.now();
    const last = this.lastRead.get(key);
    if (last !== undefined && now - last < READ_THROTTLE_MS) return;
    if (this.lastRead.size >= THROTTLE_ENTRIES) this.lastRead.clear();
    this.lastRead.set(key, now);
    void this.write(req, principal, { action, targetType, targetId, details });
  }
}

/** The JSON a handler sent, kept for the audit log's "after". */
export function captureJsonBody(res: Response): () => unknown {
  let body: unknown;
  const original = res.json.bind(res);
  res.json = (value: unknown) => {
    body = value;
    return original(value);
  };
  return () => body;
}
