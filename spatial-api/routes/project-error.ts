// Projects errors (and the compliance errors a project's sections may raise) as HTTP errors:
// invalid → 400, not_found → 404, forbidden → 403, conflict → 409, details kept.
import type { RequestHandler } from 'express';
import { ProjectError } from '../../projects';
import { AppError, badRequest, conflict, notFound } from '../errors';
import { forbidden } from '../access/access-errors';
import { fromComplianceError } from './compliance-error';

const STATUS = { invalid: badRequest, not_found: notFound, forbidden, conflict } as const;

export function fromProjectError(error: unknown): unknown {
  return error instanceof ProjectError
    ? STATUS[error.kind](error.message, error.details)
    : fromComplianceError(error);
}

/** The handler, with projects errors turned into the app's errors. */
export function projectHandler(handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      next(fromProjectError(error) as AppError | Error);
    }
  };
}
