// Compliance errors as HTTP errors: invalid → 400, forbidden → 403, not_found → 404, conflict → 409, details
// kept.
import type { RequestHandler } from 'express';
import { ComplianceError } from '../../compliance-rules';
import { forbidden } from '../access/access-errors';
import { AppError, badRequest, conflict, notFound } from '../errors';

const STATUS = { invalid: badRequest, forbidden, not_found: notFound, conflict } as const;

export function fromComplianceError(error: unknown): unknown {
  return error instanceof ComplianceError ? STATUS[error.kind](error.message, error.details) : error;
}

/** The handler, with compliance errors turned into the app's errors. */
export function complianceHandler(handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      next(fromComplianceError(error) as AppError | Error);
    }
  };
}
