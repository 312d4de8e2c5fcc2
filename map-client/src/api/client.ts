// Typed fetch helpers for spatial-api. Every failure becomes an ApiError carrying the server's error
// code, message and details when there are some, so the UI can say what went wrong and where.
import type { ApiErrorBody, CrsDefinition, Health } from './types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly status: number | null,
    readonly code: string | null = null,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request parameter the server named as the problem (`details.parameter`), if any. */
  get parameter(): string | null {
    const parameter = this.details.parameter;
    return typeof parameter === 'string' ? parameter : null;
  }
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

/** The ApiError for a failed response: the server's own error when the body has one, else the status. */
export function errorFromResponse(path: string, status: number, statusText: string, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { message, code, details } = body.error;
    const detailsObject = typeof details === 'object' && details !== null ? details : {};
    return new ApiError(String(message), path, status, typeof code === 'string' ? code : null, detailsObject);
  }
  return new ApiError(`HTTP ${status} ${statusText}`.trim(), path, status);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** sent as a JSON body */
  json?: unknown;
  signal?: AbortSignal;
}

async function request(
  path: string,
  { method = 'GET', json, signal }: RequestOptions = {},
): Promise<{ response: Response; body: unknown; parsed: boolean }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), path, null);
  }
  let body: unknown = null;
  let parsed = false;
  try {
    body = await response.json();
    parsed = true;
  } catch {
    // 204, a proxy's HTML error page or an empty body: reported by the caller from the status.
  }
  return { response, body, parsed };
}

/** A request answered with a JSON body. */
export async function callJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { response, body, parsed } = await request(path, options);
  if (!response.ok) throw errorFromResponse(path, response.status, response.statusText, body);
  if (!parsed) throw new ApiError('invalid JSON response', path, response.status);
  return body as T;
}

/** A request answered with no body (204). */
export async function callNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const { response, body } = await request(path, options);
  if (!response.ok) throw errorFromResponse(path, response.status, response.statusText, body);
}

export async function fetchCrsDefinitions(signal?: AbortSignal): Promise<CrsDefinition[]> {
  const body = await callJson<{ definitions: CrsDefinition[] }>('/api/v1/crs', { signal });
  return body.definitions;
}

/** The health report, also when the server answers it with an error status (e.g. 503, database down). */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const path = '/api/v1/health';
  const { response, body } = await request(path, { signal });
  if (typeof body === 'object' && body !== null && 'status' in body) return body as Health;
  throw errorFromResponse(path, response.status, response.statusText, body);
}
