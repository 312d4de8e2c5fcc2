// API keys of city systems: issued by an admin, shown once, stored as a SHA-256 (hex), read-only, limited to
// some layers and services, with an expiry, revocable.
import { sql } from '../sql';
import { AccountError } from './account-error';
import { API_KEY_PERMISSIONS, KEY_SERVICES, type KeyService } from './permissions';
import type { ApiKeyPrincipal } from './principal';
import type { Queryable } from './queryable';
import { randomToken, tokenHash } from './tokens';

export interface NewApiKey {
  name: string;
  layers?: string[] | null;
  services?: KeyService[] | null;
  expiresAt?: Date | null;
}

export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  layers: string[] | null;
  services: KeyService[] | null;
  createdBy: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  layers: string[] | null;
  services: KeyService[] | null;
  created_by: number;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(row: KeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    layers: row.layers,
    services: row.services,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

/** Issues a key; the returned `key` is the only time the secret is seen. */
export async function issueApiKey(
  db: Queryable,
  createdBy: number,
  spec: NewApiKey,
): Promise<{ id: number; key: string; summary: ApiKeySummary }> {
  if (spec.expiresAt && spec.expiresAt.getTime() <= Date.now()) {
    throw new AccountError('invalid', 'bad_request', '过期时间须在将来 / expiresAt must lie in the future', {
      parameter: 'expiresAt',
    });
  }
  if (spec.layers) {
    const { rows } = await db.query<{ code: string }>(
      sql`SELECT code FROM layers WHERE code = ANY(${spec.layers}) AND deleted_at IS NULL`,
    );
    const unknown = spec.layers.filter((l) => !rows.some((r) => r.code === l));
    if (unknown.length > 0)
      throw new AccountError(
        'invalid',
        'unknown_layer',
        `图层不存在：${unknown.join('、')} / unknown layer`,
        {
          parameter: 'layers',
          value: unknown,
        },
      );
  }
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `ob_${prefix}_${randomToken(32)}`;
  const { rows } = await db.query<KeyRow>(
    sql`INSERT INTO api_keys (name, key_hash, created_by, prefix, layers, services, expires_at)
        VALUES (${spec.name}, ${tokenHash(key).toString('hex')}, ${createdBy}, ${prefix}, ${spec.layers ?? null},
                ${spec.services ?? null}, ${spec.expiresAt ?? null})
        RETURNING id, name, prefix, layers, services, created_by, created_at, expires_at, revoked_at, last_used_at`,
  );
  const row = rows[0] as KeyRow;
  return { id: row.id, key, summary: toSummary(row) };
}

export type KeyProblem = 'unknown' | 'revoked' | 'expired';

/** The principal of a key, or why it is refused. */
export async function resolveApiKey(
  db: Queryable,
  key: string,
): Promise<ApiKeyPrincipal | { refused: KeyProblem }> {
  const { rows } = await db.query<KeyRow & { expired: boolean }>(
    sql`UPDATE api_keys SET last_used_at = now()
        WHERE key_hash = ${tokenHash(key).toString('hex')}
        RETURNING id, name, prefix, layers, services, created_by, created_at, expires_at, revoked_at, last_used_at,
                  expires_at IS NOT NULL AND expires_at <= now() AS expired`,
  );
  const row = rows[0];
  if (!row) return { refused: 'unknown' };
  if (row.revoked_at) return { refused: 'revoked' };
  if (row.expired) return { refused: 'expired' };
  return {
    kind: 'api_key',
    key: {
      id: row.id,
      name: row.name,
      layers: row.layers,
      services:
        row.services?.filter((s): s is KeyService => (KEY_SERVICES as readonly string[]).includes(s)) ?? null,
    },
    permissions: new Set([
      ...API_KEY_PERMISSIONS,
      ...(row.services?.includes('metrics') ? (['metrics.read'] as const) : []),
    ]),
    districts: null,
  };
}

export async function listApiKeys(db: Queryable): Promise<ApiKeySummary[]> {
  const { rows } = await db.query<KeyRow>(
    `SELECT id, name, prefix, layers, services, created_by, created_at, expires_at, revoked_at, last_used_at
     FROM api_keys ORDER BY id`,
  );
  return rows.map(toSummary);
}

export async function revokeApiKey(db: Queryable, id: number): Promise<ApiKeySummary> {
  const { rows } = await db.query<KeyRow>(
    sql`UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${id}
        RETURNING id, name, prefix, layers, services, created_by, created_at, expires_at, revoked_at, last_used_at`,
  );
  if (!rows[0])
    throw new AccountError('not_found', 'not_found', `密钥不存在 / no API key ${id}`, {
      parameter: 'id',
      value: id,
    });
  return toSummary(rows[0]);
}
