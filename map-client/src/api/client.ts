// Typed fetch helpers for spatial-api. Every failure becomes an ApiError carrying the server's error
// code, message and details when there are some, so the UI can say what went wrong and where.
import { csrfHeaders, reportCsrfRejected, reportUnauthenticated } from './credentials';
import type { ApiErrorBody, CrsDefinition, Health } from './types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly status: number | null,
    readonly code: string | null = null,
    readonly details: Record<string, unknown> = {},
    /** how long to wait before trying again (a sign-in lockout), from the body or Retry-After */
    readonly retryAfterSeconds: number | null = null,
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

function retryAfterOf(details: Record<string, unknown>, retryAfterHeader: string | null): number | null {
  if (typeof details.retryAfterSeconds === 'number') return details.retryAfterSeconds;
  const seconds = retryAfterHeader === null ? NaN : Number(retryAfterHeader);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The ApiError for a failed response: the server's own error when the body has one, else the status. */
export function errorFromResponse(
  path: string,
  status: number,
  statusText: string,
  body: unknown,
  retryAfterHeader: string | null = null,
): ApiError {
  if (isApiErrorBody(body)) {
    const { message, code, details } = body.error;
    const detailsObject = typeof details === 'object' && details !== null ? details : {};
    return new ApiError(
      String(message),
      path,
      status,
      typeof code === 'string' ? code : null,
      detailsObject,
      retryAfterOf(detailsObject, retryAfterHeader),
    );
  }
  return new ApiError(
    `HTTP ${status} ${statusText}`.trim(),
    path,
    status,
    null,
    {},
    retryAfterOf({}, retryAfterHeader),
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** sent as a JSON body */
  json?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 sends the user to the login page (default). The session calls answer 401 as part of
   * their contract (nobody signed in, a wrong password) and say false.
   */
  signInOnUnauthenticated?: boolean;
}

async function request(
  path: string,
  { method = 'GET', json, signal, signInOnUnauthenticated = true }: RequestOptions = {},
): Promise<{ response: Response; body: unknown; parsed: boolean }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeaders(method) };
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
  if (response.status === 401 && signInOnUnauthenticated) reportUnauthenticated(path);
  if (response.status === 403 && isApiErrorBody(body) && body.error.code === 'csrf_failed')
    reportCsrfRejected();
  return { response, body, parsed };
}

function failed(path: string, response: Response, body: unknown): ApiError {
  return errorFromResponse(
    path,
    response.status,
    response.statusText,
    body,
    response.headers.get('Retry-After'),
  );
}

/** A request answered with a JSON body. */
export async function callJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { response, body, parsed } = await request(path, options);
  if (!response.ok) throw failed(path, response, body);
  if (!parsed) throw new ApiError('invalid JSON response', path, response.status);
  return body as T;
}

/** A request answered with no body (204). */
export async function callNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const { response, body } = await request(path, options);
  if (!response.ok) throw failed(path, response, body);
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
