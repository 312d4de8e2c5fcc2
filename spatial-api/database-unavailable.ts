// When PostgreSQL cannot be reached (stopped, restarting, unreachable), requests that need it fail fast
// with 503 and a Retry-After instead of a 500; the pool opens new connections by itself once the database
// is back, so the next requests succeed without restarting the server.
import type { ErrorRequestHandler } from 'express';

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_S = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  '数据库暂时不可用，请稍后重试 / the database is unavailable at the moment; try again shortly';

/** Socket errors of a connection that cannot be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server that is not there for us: class 08 (connection exception), 57P01-57P03 (shut
 * down by an administrator, crashed, starting up or shutting down) and 53300 (too many connections).
 */
const SERVER_CODES = /^(08\d{3}|57P0[123]|53300)$/;

/** node-postgres reports a lost or timed-out connection by message only. */
const CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/** Duck-typed: errors of Node's sockets may come from another realm (a test's VM), where instanceof fails. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (typeof message === 'string' && CLIENT_MESSAGES.some((m) => message.startsWith(m))) return true;
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable); // AggregateError of each address
}

/** REST and tile routes: 503 { error: { code: 'database_unavailable' } } with Retry-After. */
export const databaseUnavailableHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (!isDatabaseUnavailable(error) || res.headersSent) {
    next(error);
    return;
  }
  res
    .status(503)
    .set('Retry-After', String(RETRY_AFTER_S))
    .json({
      error: {
        code: 'database_unavailable',
        message: DATABASE_UNAVAILABLE_MESSAGE,
        details: { retryAfterSeconds: RETRY_AFTER_S },
      },
    });
};
