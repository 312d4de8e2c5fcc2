// What the UI says about a failed request: the server's message, its error code and the parameter it
// blamed, or that the service could not be reached at all.
import { ApiError } from '../api/client';
import type { ApiErrorBody } from '../api/types';

export interface ErrorDescription {
  message: string;
  code: string | null;
  parameter: string | null;
  /** no HTTP answer came back (network down, server stopped) */
  unreachable: boolean;
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    return {
      message: error.message,
      code: error.code,
      parameter: error.parameter,
      unreachable: error.status === null && error.code === null,
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    code: null,
    parameter: null,
    unreachable: false,
  };
}

/** An error the server reported inside a body (e.g. a failed import job), as an ApiError. */
export function apiErrorOf(error: ApiErrorBody['error'], path: string): ApiError {
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new ApiError(error.message, path, null, error.code ?? 'error', details);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
