// The layer catalog over HTTP: list, read, create, edit, delete; versions, their data-quality reports,
// rollback and the difference between two versions.
import { callJson, callNoContent } from './client';
import { asValidationReport } from './validationReport';
import type {
  LayerDiff,
  LayerKind,
  LayerPatch,
  LayerSummary,
  NewLayer,
  ValidationReport,
  VersionSummary,
} from './types';

const layerPath = (code: string) => `/api/v1/layers/${encodeURIComponent(code)}`;

export async function fetchLayers(signal?: AbortSignal, kind?: LayerKind): Promise<LayerSummary[]> {
  const query = kind ? `?kind=${encodeURIComponent(kind)}` : '';
  const body = await callJson<{ layers: LayerSummary[] }>(`/api/v1/layers${query}`, { signal });
  return body.layers;
}

export function fetchLayer(code: string, signal?: AbortSignal): Promise<LayerSummary> {
  return callJson<LayerSummary>(layerPath(code), { signal });
}

export function createLayer(layer: NewLayer, signal?: AbortSignal): Promise<LayerSummary> {
  return callJson<LayerSummary>('/api/v1/layers', { method: 'POST', json: layer, signal });
}

export function updateLayer(code: string, patch: LayerPatch, signal?: AbortSignal): Promise<LayerSummary> {
  return callJson<LayerSummary>(layerPath(code), { method: 'PATCH', json: patch, signal });
}

/** Soft delete: the layer leaves the catalog, its versions stay in the database. */
export function deleteLayer(code: string, signal?: AbortSignal): Promise<void> {
  return callNoContent(layerPath(code), { method: 'DELETE', signal });
}

/** Newest first. */
export async function fetchVersions(code: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  const body = await callJson<{ versions: VersionSummary[] }>(`${layerPath(code)}/versions`, { signal });
  return body.versions;
}

export function reportUrl(code: string, version: number, format: 'json' | 'csv'): string {
  const path = `${layerPath(code)}/versions/${version}/report`;
  return format === 'csv' ? `${path}?format=csv` : path;
}

export async function fetchReport(
  code: string,
  version: number,
  signal?: AbortSignal,
): Promise<ValidationReport | null> {
  return asValidationReport(await callJson<unknown>(reportUrl(code, version, 'json'), { signal }));
}

/** Makes an earlier version current again. */
export function rollbackLayer(code: string, version: number, signal?: AbortSignal): Promise<LayerSummary> {
  return callJson<LayerSummary>(`${layerPath(code)}/rollback`, {
    method: 'POST',
    json: { version },
    signal,
  });
}

export function fetchDiff(code: string, from: number, to: number, signal?: AbortSignal): Promise<LayerDiff> {
  return callJson<LayerDiff>(`${layerPath(code)}/diff?from=${from}&to=${to}`, { signal });
}
