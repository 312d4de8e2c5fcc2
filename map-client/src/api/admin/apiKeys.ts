// API keys of city systems over HTTP: list, issue (the secret comes back once), revoke.
import { callJson } from '../client';

/** The services a key can be limited to, as the server's KEY_SERVICES. */
export const KEY_SERVICES = ['wms', 'wfs', 'tiles', 'rest', 'metrics'] as const;
export type KeyService = (typeof KEY_SERVICES)[number];

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

export interface NewApiKey {
  name: string;
  layers?: string[];
  services?: KeyService[];
  expiresAt?: string;
}

export async function fetchApiKeys(signal?: AbortSignal): Promise<ApiKeySummary[]> {
  return (await callJson<{ apiKeys: ApiKeySummary[] }>('/api/v1/api-keys', { signal })).apiKeys;
}

export function issueApiKey(key: NewApiKey): Promise<ApiKeySummary & { key: string }> {
  return callJson<ApiKeySummary & { key: string }>('/api/v1/api-keys', { method: 'POST', json: key });
}

export function revokeApiKey(id: number): Promise<ApiKeySummary> {
  return callJson<ApiKeySummary>(`/api/v1/api-keys/${id}`, { method: 'DELETE' });
}
