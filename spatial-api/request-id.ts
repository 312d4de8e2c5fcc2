// Every request's id, answered in X-Request-Id and written with anything logged about it, so a client
// reporting "request id …" leads to the log line. A gateway's id is kept when it is a plain token;
// anything else (markup, spaces, very long) is replaced by a fresh UUID.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;
const HEADER = 'X-Request-Id';

/** The request's id, assigned (and set on the response) the first time it is asked for. */
export function requestIdOf(req: Request, res: Response): string {
  const known: unknown = res.locals.requestId;
  if (typeof known === 'string') return known;
  const given = req.get(HEADER);
  const id = given !== undefined && SAFE_ID.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  if (!res.headersSent) res.set(HEADER, id);
  return id;
}

/** Gives each request its id before anything else runs. */
export const requestId: RequestHandler = (req, res, next) => {
  requestIdOf(req, res);
  next();
};

/** Logs an internal error with its request id, method and address, for the answer to name only the id. */
export function logInternalError(req: Request, res: Response, error: unknown): string {
  const id = requestIdOf(req, res);
  console.error(`[request ${id}] ${req.method} ${req.originalUrl} failed:`, error);
  return id;
}
