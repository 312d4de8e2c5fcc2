// Helpers of the candidate-site suites: a search posted as a signed-in user, and the shapes it answers.
import type { SignedIn } from './access';

export interface CandidateBody {
  rank: number;
  kind: 'parcel' | 'merged';
  parcelIds: string[];
  parcelKeys: (string | null)[];
  landUse: { code: string | null; name: string | null; areaM2: number }[];
  areaM2: number;
  areaHa: number;
  areaMu: number;
  perimeterM: number;
  district: { code: string | null; name: string | null } | null;
  score: number;
  fit: { areaFit: number; compactness: number; warnings: number };
  why: string[];
  warnings: { ruleId: string; title: string; kind: string }[];
  geometry: { type: string; coordinates: unknown };
}

export interface SearchBody {
  request: { areaM2: number; projectType: string; districtCodes: string[] | null; limit: number };
  ruleSet: { code: string; version: number };
  rules: { prohibit: string[]; warn: string[] };
  searched: { singleParcels: number; seeds: number; mergedGroups: number };
  candidates: CandidateBody[];
  error?: { code: string; message: string; details: Record<string, unknown> };
}

export async function postCandidates(
  url: string,
  user: SignedIn | undefined,
  body: Record<string, unknown>,
): Promise<{ status: number; body: SearchBody }> {
  const res = await fetch(`${url}/api/v1/compliance/candidates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user?.headers() ?? {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as SearchBody };
}
