// Errors of the accounts domain, by kind; the HTTP edge gives each kind its status.
export type AccountErrorKind =
  'unauthenticated' | 'forbidden' | 'locked' | 'invalid' | 'not_found' | 'conflict';

export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly kind: AccountErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
