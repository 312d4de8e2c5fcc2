// The standard page's one data request (GET /api/v1/blueprint): its layers as the caller may read them,
// the extent to frame and the project's panel. A 401 here is no reason to send anyone to the login page.
import { callJson } from '../api/client';
import type { LonLatBox } from './pageParameters';

export interface BlueprintLayer {
  code: string;
  name: string;
  geometryType: string;
  extent: LonLatBox | null;
}

export interface BlueprintProject {
  project: {
    code: string;
    name: string;
    constructionUnit: string;
    projectType: string;
    districtCode: string;
    districtName: string | null;
    stage: string;
  };
  site: {
    version: number;
    geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
    bbox: LonLatBox;
    areaM2: number;
  } | null;
  latestCheck: { id: string; verdict: string; createdAt: string } | null;
  approval: {
    stage: string;
    stageName: string;
    item: string;
    status: string;
    warning: { level: string; message: string } | null;
  } | null;
}

export interface BlueprintData {
  layers: BlueprintLayer[];
  withheld: string[];
  frame: LonLatBox | null;
  projectCode: string | null;
  project: BlueprintProject | null;
  projectWithheld: boolean;
}

export function fetchBlueprint(query: string, signal: AbortSignal): Promise<BlueprintData> {
  return callJson<BlueprintData>(`/api/v1/blueprint${query ? `?${query}` : ''}`, {
    signal,
    signInOnUnauthenticated: false,
  });
}
