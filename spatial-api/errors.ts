// The error values domain code throws, and the one middleware that turns them into
// HTTP responses shaped { error: { code, message, details } }.
import type { ErrorRequestHandler } from 'express';
import { AccountError, type AccountErrorKind } from '../accounts';
import { ClientGone } from './request-deadline';
import { logInternalError } from './request-id';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(400, 'bad_request', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(404, 'not_found', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(409, 'conflict', message, details);
export const tooLarge = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(413, 'too_large', message, details);
export const unavailable = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(503, 'unavailable', message, details);

const ACCOUNT_STATUS: Record<AccountErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  locked: 429,
  invalid: 400,
  not_found: 404,
  conflict: 409,
};

/** An accounts error as the HTTP error it is; a lockout says when to retry. */
export function fromAccountError(error: AccountError): AppError {
  return new AppError(ACCOUNT_STATUS[error.kind], error.code, error.message, error.details);
}

/** The answer to an internal failure: the request id to quote, never the internal message. */
export function internalErrorMessage(id: string): string {
  return `内部错误，请求编号 ${id} / internal error, request id ${id}`;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  // the client closed the connection: its work is stopped and there is no one to answer
  if (error instanceof ClientGone) return;
  if (error instanceof AccountError) error = fromAccountError(error);
  if (error instanceof AppError && typeof error.details.retryAfterSeconds === 'number') {
    res.set('Retry-After', String(error.details.retryAfterSeconds));
  }
  if (error instanceof AppError) {
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  const status =
    typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) {
    const id = logInternalError(req, res, error);
    res.status(500).json({
      error: { code: 'internal_error', message: internalErrorMessage(id), details: { requestId: id } },
    });
    return;
  }
  res.status(status).json({
    error: { code: 'bad_request', message: String(error?.message ?? 'bad request'), details: {} },
  });
};
