// The errors planning code throws; the HTTP edge maps each kind to its status (invalid 400, forbidden 403,
// not_found 404, conflict 409, too_large 413) and passes the details (the parameter at fault) through.
export type PlanningErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large';

export class PlanningError extends Error {
  override name = 'PlanningError';
  constructor(
    readonly kind: PlanningErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new PlanningError('invalid', message, details);
export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new PlanningError('forbidden', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) =>
  new PlanningError('not_found', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new PlanningError('conflict', message, details);
