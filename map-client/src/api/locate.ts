// The locate box's searches: districts and place names (/api/v1/locate) and projects by name, code or
// construction unit (/api/v1/projects?q=, for holders of projects.read; district scope applied there).
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { callJson } from './client';
import type { LonLatExtent } from './types';

export interface PlaceMatch {
  kind: 'district' | 'place';
  layerCode: string;
  layerName: string;
  name: string;
  featureCount: number;
  bbox: LonLatExtent;
  geometry: Geometry;
}

export interface ProjectMatch {
  code: string;
  name: string;
  constructionUnit: string;
  districtName: string | null;
  /** the current site, null for a project not yet sited */
  geometry: Polygon | MultiPolygon | null;
}

interface ProjectFeatureCollection {
  features: {
    properties: { code: string; name: string; constructionUnit: string; districtName: string | null };
    geometry: Polygon | MultiPolygon | null;
  }[];
}

export async function fetchPlaces(text: string, signal?: AbortSignal): Promise<PlaceMatch[]> {
  const query = new URLSearchParams({ q: text, limit: '8' });
  const body = await callJson<{ places: PlaceMatch[] }>(`/api/v1/locate?${query}`, { signal });
  return body.places;
}

export async function fetchProjects(text: string, signal?: AbortSignal): Promise<ProjectMatch[]> {
  const query = new URLSearchParams({ q: text, limit: '6', format: 'geojson', sort: 'name' });
  const body = await callJson<ProjectFeatureCollection>(`/api/v1/projects?${query}`, { signal });
  return body.features.map(({ properties, geometry }) => ({
    code: properties.code,
    name: properties.name,
    constructionUnit: properties.constructionUnit,
    districtName: properties.districtName,
    geometry,
  }));
}

/** One project by its exact code (a link's `project=`), or null when it is not found or not visible. */
export async function fetchProjectByCode(code: string, signal?: AbortSignal): Promise<ProjectMatch | null> {
  return (await fetchProjects(code, signal)).find((p) => p.code === code) ?? null;
}
