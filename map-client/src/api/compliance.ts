// Compliance checks over HTTP: the rule sets (read), running a check, reading and listing checks, and the
// features of a rule's layers within a box for the browser's preview.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { RuleSet } from '../compliance/ruleSet';
import type { Verdict } from '../compliance/verdict';
import { callJson } from './client';

export interface RuleSetSummary {
  code: string;
  name: string;
  districtCode: string | null;
  version: number;
  ruleCount: number;
  updatedAt: string;
}

export interface ConflictFeature {
  id: string;
  key: string | null;
  layer: string;
  attributes: Record<string, unknown>;
  areaM2?: number;
  distanceM?: number;
}

export interface CheckRuleResult {
  ruleId: string;
  title: string;
  legalBasis: string;
  kind: string;
  severity: 'prohibit' | 'warn' | 'inform';
  passed: boolean;
  areaM2: number | null;
  areaHa: number | null;
  areaMu: number | null;
  ratio: number | null;
  distanceM: number | null;
  features: ConflictFeature[];
  details: Record<string, unknown>;
  conflictGeometry: Polygon | MultiPolygon | null;
}

export interface ComplianceCheck {
  id: string;
  verdict: Verdict;
  createdAt: string;
  createdBy: string | null;
  projectCode: string | null;
  input: { crs: string; projectType: string | null; repaired: boolean; repairReason: string | null };
  siteGeometry: Polygon | MultiPolygon;
  siteAreaM2: number;
  siteAreaHa: number;
  siteAreaMu: number;
  ruleSet: { code: string; name: string; version: number };
  layerVersions: { layer: string; name: string; version: number; publishedAt: string | null }[];
  rules: CheckRuleResult[];
  verificationCode: string | null;
}

export interface CheckSummary {
  id: string;
  verdict: Verdict;
  createdAt: string;
  projectCode: string | null;
  siteAreaM2: number;
  siteAreaHa: number;
  siteAreaMu: number;
  ruleSet: { code: string; version: number };
  verificationCode: string;
}

export interface CheckRequest {
  geometry: Polygon | MultiPolygon;
  crs?: string;
  projectCode?: string;
  projectType?: string;
  ruleSet?: string;
}

const CHECKS = '/api/v1/compliance/checks';

export async function fetchRuleSets(signal?: AbortSignal): Promise<RuleSetSummary[]> {
  return (await callJson<{ ruleSets: RuleSetSummary[] }>('/api/v1/compliance/rule-sets', { signal }))
    .ruleSets;
}

export function fetchRuleSet(code: string, signal?: AbortSignal): Promise<RuleSet> {
  return callJson<RuleSet>(`/api/v1/compliance/rule-sets/${encodeURIComponent(code)}`, { signal });
}

export function runCheck(request: CheckRequest, signal?: AbortSignal): Promise<ComplianceCheck> {
  return callJson<ComplianceCheck>(CHECKS, { method: 'POST', json: request, signal });
}

export function fetchCheck(id: string, signal?: AbortSignal): Promise<ComplianceCheck> {
  return callJson<ComplianceCheck>(`${CHECKS}/${encodeURIComponent(id)}`, { signal });
}

export async function fetchChecks(
  query: { projectCode?: string; limit?: number },
  signal?: AbortSignal,
): Promise<CheckSummary[]> {
  const params = new URLSearchParams();
  if (query.projectCode) params.set('projectCode', query.projectCode);
  params.set('limit', String(query.limit ?? 20));
  return (await callJson<{ checks: CheckSummary[] }>(`${CHECKS}?${params}`, { signal })).checks;
}

export type CheckDownload = 'pdf' | 'docx' | 'geojson' | 'csv';

export function downloadPath(id: string, format: CheckDownload): string {
  const base = `${CHECKS}/${encodeURIComponent(id)}`;
  return format === 'pdf' || format === 'docx'
    ? `${base}/report.${format}`
    : `${base}/export?format=${format}`;
}

/** A page of a layer's current features within a lon/lat box (EPSG:4490), at most `limit`. */
export function fetchFeaturesInBox(
  layer: string,
  box: [number, number, number, number],
  limit: number,
  signal?: AbortSignal,
): Promise<
  FeatureCollection<Geometry | null> & { numberMatched: number; features: Feature<Geometry | null>[] }
> {
  const bbox = box.map((n) => n.toFixed(7)).join(',');
  return callJson(`/api/v1/layers/${encodeURIComponent(layer)}/features?bbox=${bbox}&limit=${limit}`, {
    signal,
  });
}
