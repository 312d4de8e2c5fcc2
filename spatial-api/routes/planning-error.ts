// Planning errors as HTTP errors: invalid → 400, forbidden → 403, not_found → 404, conflict → 409,
// too_large → 413, details kept.
import type { RequestHandler } from 'express';
import { PlanningError } from '../../projects';
import { AppError, badRequest, conflict, notFound, tooLarge } from '../errors';

const STATUS = {
  invalid: badRequest,
  not_found: notFound,
  conflict,
  too_large: tooLarge,
  forbidden: (message: string, details: Record<string, unknown>) =>
    new AppError(403, 'forbidden', message, details),
} as const;

/** The handler, with planning errors turned into the app's errors. */
export function planningHandler(handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      next(error instanceof PlanningError ? STATUS[error.kind](error.message, error.details) : error);
    }
  };
}
