// The errors compliance code throws: the HTTP edge maps `invalid` to 400, `forbidden` to 403 and `not_found`
// to 404, and passes the details (the parameter or JSON path at fault) through.
export type ComplianceErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export class ComplianceError extends Error {
  override name = 'ComplianceError';
  constructor(
    readonly kind: ComplianceErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new ComplianceError('invalid', message, details);
export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new ComplianceError('forbidden', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) =>
  new ComplianceError('not_found', message, details);
