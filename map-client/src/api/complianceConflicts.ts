// Cross-plan conflicts (多规冲突) over HTTP: the summary of the planning_conflicts layer (counts and
// ellipsoidal areas by type, district and plan pair), and a recomputation with its job to poll.
import { callJson } from './client';

export interface ConflictFigures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface ConflictSummary {
  layer: string;
  version: number;
  current: boolean;
  publishedAt: string | null;
  pairSet: { code: string; name: string; digest: string } | null;
  sources: { layer: string; name: string; version: number }[];
  total: ConflictFigures;
  byType: (ConflictFigures & { conflictType: string; title: string })[];
  byDistrict: (ConflictFigures & { districtCode: string | null; districtName: string | null })[];
  byPair: (ConflictFigures & { pairId: string; title: string; conflictType: string })[];
}

export interface ConflictJob {
  id: string;
  reason: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: string;
  progress: { done: number; total: number | null };
  version: number | null;
  error: { code: string; message: string } | null;
}

const BASE = '/api/v1/compliance/conflicts';

export function fetchConflictSummary(signal?: AbortSignal): Promise<ConflictSummary> {
  return callJson<ConflictSummary>(`${BASE}/summary`, { signal });
}

export async function startConflictRecompute(): Promise<ConflictJob> {
  return (await callJson<{ job: ConflictJob }>(`${BASE}/recompute`, { method: 'POST' })).job;
}

export async function fetchConflictJob(id: string, signal?: AbortSignal): Promise<ConflictJob> {
  return (await callJson<{ job: ConflictJob }>(`${BASE}/recomputes/${encodeURIComponent(id)}`, { signal }))
    .job;
}
