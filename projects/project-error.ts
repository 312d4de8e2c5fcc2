// The errors the projects domain throws: the HTTP edge maps invalid → 400, not_found → 404,
// forbidden → 403 and conflict → 409, and passes the details (the parameter at fault) through.
export type ProjectErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict';

export class ProjectError extends Error {
  override name = 'ProjectError';
  constructor(
    readonly kind: ProjectErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new ProjectError('invalid', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) =>
  new ProjectError('not_found', message, details);
export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new ProjectError('forbidden', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new ProjectError('conflict', message, details);
