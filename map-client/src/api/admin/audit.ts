// The audit log over HTTP: a filtered page of entries, the CSV of the same filter, the hash-chain check.
import { callJson } from '../client';

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

export interface AuditFilter {
  action?: AuditAction | '';
  username?: string;
  targetType?: string;
  /** dates as yyyy-mm-dd, the whole day included */
  from?: string;
  to?: string;
}

export interface AuditPage {
  total: number;
  limit: number;
  offset: number;
  entries: AuditEntry[];
}

export interface ChainReport {
  intact: boolean;
  rows: number;
  broken: { seq: number; reason: string } | null;
}

/** The query string of a filter: empty fields left out, the `to` day counted to its end. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.action) params.set('action', filter.action);
  if (filter.username?.trim()) params.set('username', filter.username.trim());
  if (filter.targetType?.trim()) params.set('targetType', filter.targetType.trim());
  if (filter.from) params.set('from', new Date(`${filter.from}T00:00:00`).toISOString());
  if (filter.to) params.set('to', new Date(`${filter.to}T23:59:59.999`).toISOString());
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export function fetchAuditPage(
  filter: AuditFilter,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = auditQuery(filter, { limit: String(limit), offset: String(offset) });
  return callJson<AuditPage>(`/api/v1/audit?${query}`, { signal });
}

export function verifyAuditChain(signal?: AbortSignal): Promise<ChainReport> {
  return callJson<ChainReport>('/api/v1/audit/verify', { signal });
}
