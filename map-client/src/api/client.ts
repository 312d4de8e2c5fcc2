// Typed fetch helpers for spatial-api. Every failure becomes an ApiError carrying the server's error
// code and message when there is one, so the UI can say what went wrong.
import type { ApiErrorBody, CrsDefinition, Health, LayerSummary } from './types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly status: number | null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

async function requestJson(
  path: string,
  signal?: AbortSignal,
): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), path, null);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: reported by the caller from the status.
  }
  return { response, body };
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const { response, body } = await requestJson(path, signal);
  if (!response.ok) {
    if (isApiErrorBody(body)) {
      throw new ApiError(body.error.message, path, response.status, body.error.code);
    }
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), path, response.status);
  }
  if (body === null) throw new ApiError('invalid JSON response', path, response.status);
  return body as T;
}

export async function fetchLayers(signal?: AbortSignal): Promise<LayerSummary[]> {
  const body = await getJson<{ layers: LayerSummary[] }>('/api/v1/layers', signal);
  return body.layers;
}

export async function fetchCrsDefinitions(signal?: AbortSignal): Promise<CrsDefinition[]> {
  const body = await getJson<{ definitions: CrsDefinition[] }>('/api/v1/crs', signal);
  return body.definitions;
}

/** The health report, also when the server answers it with an error status (e.g. 503, database down). */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const path = '/api/v1/health';
  const { response, body } = await requestJson(path, signal);
  if (typeof body === 'object' && body !== null && 'status' in body) return body as Health;
  if (isApiErrorBody(body)) throw new ApiError(body.error.message, path, response.status, body.error.code);
  throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), path, response.status);
}
