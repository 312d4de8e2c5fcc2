// Candidate sites (选址推荐) over HTTP: POST /api/v1/compliance/candidates with the area needed (in one of
// m², 公顷, 亩), the project type and optionally a district; the answer ranks plan parcels (or merged
// neighbours) that pass every prohibit rule.
import type { MultiPolygon, Polygon } from 'geojson';
import { callJson } from './client';

export type AreaUnit = 'areaM2' | 'areaHa' | 'areaMu';

export interface CandidateRequest {
  projectType: string;
  area: { unit: AreaUnit; value: number };
  districtCode?: string;
  ruleSet?: string;
  limit?: number;
}

export interface CandidateWarning {
  ruleId: string;
  title: string;
  kind: string;
  areaM2: number | null;
  ratio: number | null;
  distanceM: number | null;
}

export interface Candidate {
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
  warnings: CandidateWarning[];
  geometry: Polygon | MultiPolygon;
}

export interface CandidateSearch {
  request: { areaM2: number; areaHa: number; areaMu: number; projectType: string; limit: number };
  ruleSet: { code: string; version: number };
  candidates: Candidate[];
}

export function findCandidates(request: CandidateRequest, signal?: AbortSignal): Promise<CandidateSearch> {
  return callJson<CandidateSearch>('/api/v1/compliance/candidates', {
    method: 'POST',
    json: {
      projectType: request.projectType,
      [request.area.unit]: request.area.value,
      ...(request.districtCode ? { districtCode: request.districtCode } : {}),
      ...(request.ruleSet ? { ruleSet: request.ruleSet } : {}),
      ...(request.limit ? { limit: request.limit } : {}),
    },
    signal,
  });
}

/** The city's districts (code and name) from the public districts layer, for the search form. */
export async function fetchDistricts(signal?: AbortSignal): Promise<{ code: string; name: string }[]> {
  const collection = await callJson<{
    features: { id?: string | number; properties: Record<string, unknown> }[];
  }>('/api/v1/layers/districts/features?limit=100', { signal });
  return collection.features
    .map((f) => ({
      code: String(f.properties.admin_code ?? f.id ?? ''),
      name: String(f.properties.name ?? ''),
    }))
    .filter((d) => /^\d{6}$/.test(d.code))
    .sort((a, b) => a.code.localeCompare(b.code));
}
