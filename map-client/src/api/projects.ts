// Projects over HTTP: the list (search, filters, paging), one project's record, its site versions (each
// version's geometry and the difference between two) and its approval records.
import type { MultiPolygon } from 'geojson';
import { callJson } from './client';

export const PROJECT_STAGES = [
  'land_use_planning',
  'construction_planning',
  'construction',
  'completion',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export interface ProjectListItem {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: string;
  projectType: string;
  districtCode: string;
  districtName: string | null;
  stage: ProjectStage;
  siteVersion: number | null;
  siteAreaM2: number | null;
  updatedAt: string;
}

export interface ProjectListQuery {
  q?: string;
  stage?: string;
  district?: string;
  limit: number;
  offset: number;
}

export interface ProjectList {
  numberMatched: number;
  projects: ProjectListItem[];
}

export interface ProjectRecord {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: string;
  projectType: string;
  districtCode: string;
  districtName: string | null;
  stage: ProjectStage;
  totalInvestmentWanYuan: number | null;
}

export interface Areas {
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface SiteVersionSummary extends Areas {
  version: number;
  reason: string;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
  check: { id: string; verdict: string } | null;
}

export interface SiteVersionFeature {
  type: 'Feature';
  bbox: [number, number, number, number];
  geometry: MultiPolygon;
  properties: SiteVersionSummary & { projectCode: string };
}

export interface SiteDiff {
  from: { version: number } & Areas;
  to: { version: number } & Areas;
  same: boolean;
  added: Areas & { geometry: MultiPolygon | null };
  removed: Areas & { geometry: MultiPolygon | null };
  kept: Areas;
}

export interface ApprovalRecord {
  id: number;
  stage: ProjectStage;
  stageName: string;
  item: string;
  department: { code: string; name: string };
  acceptedAt: string;
  decidedAt: string | null;
  timeLimitWorkingDays: number;
  dueDate: string;
  status: string;
  result: string | null;
  documentNo: string | null;
  workingDaysUsed: number;
  workingDaysLeft: number | null;
  warning: { level: 'near_limit' | 'overdue' | 'decided_late'; message: string } | null;
}

const projectPath = (code: string) => `/api/v1/projects/${encodeURIComponent(code)}`;

export function fetchProjects(query: ProjectListQuery, signal?: AbortSignal): Promise<ProjectList> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.q) params.set('q', query.q);
  if (query.stage) params.set('stage', query.stage);
  if (query.district) params.set('district', query.district);
  params.set('sort', '-updatedAt');
  return callJson<ProjectList>(`/api/v1/projects?${params}`, { signal });
}

/** The project's record alone: the page reads each section on its own. */
export async function fetchProject(code: string, signal?: AbortSignal): Promise<ProjectRecord> {
  return (await callJson<{ project: ProjectRecord }>(`${projectPath(code)}?sections=`, { signal })).project;
}

/** The versions of the project's site, newest first. */
export async function fetchSiteVersions(code: string, signal?: AbortSignal): Promise<SiteVersionSummary[]> {
  return (
    await callJson<{ versions: SiteVersionSummary[] }>(`${projectPath(code)}/site/versions`, { signal })
  ).versions;
}

export function fetchSiteVersion(
  code: string,
  version: number,
  signal?: AbortSignal,
): Promise<SiteVersionFeature> {
  return callJson<SiteVersionFeature>(`${projectPath(code)}/site?version=${version}`, { signal });
}

export function fetchSiteDiff(
  code: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<SiteDiff> {
  return callJson<SiteDiff>(`${projectPath(code)}/site/versions/${from}/diff/${to}`, { signal });
}

export async function fetchApprovals(code: string, signal?: AbortSignal): Promise<ApprovalRecord[]> {
  return (await callJson<{ records: ApprovalRecord[] }>(`${projectPath(code)}/approvals`, { signal }))
    .records;
}

export interface District {
  code: string;
  name: string;
}

/** The city's districts (the `districts` layer: feature key = administrative code), for the list's filter. */
export async function fetchDistricts(signal?: AbortSignal): Promise<District[]> {
  const body = await callJson<{ features: { id: string | number; properties: { name?: string } }[] }>(
    '/api/v1/layers/districts/features?limit=100',
    { signal },
  );
  return body.features
    .map((f) => ({ code: String(f.id), name: f.properties.name ?? String(f.id) }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
