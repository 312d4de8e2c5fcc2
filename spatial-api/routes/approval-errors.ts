// Errors of the approval records and statistics as HTTP errors: invalid → 400, forbidden → 403,
// not_found → 404, conflict → 409, each with its own code; a model validation the checks let through → 400.
import type { RequestHandler } from 'express';
import { ValidationError } from 'sequelize';
import { ApprovalError } from '../../projects';
import { AppError, badRequest } from '../errors';

const STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

export function fromApprovalError(error: unknown): unknown {
  if (error instanceof ApprovalError) {
    return new AppError(STATUS[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof ValidationError) {
    return badRequest(`审批记录不正确：${error.errors.map((e) => e.message).join('；')} / invalid record`, {
      issues: error.errors.map((e) => e.message),
    });
  }
  return error;
}

export function approvalHandler(handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      next(fromApprovalError(error));
    }
  };
}
