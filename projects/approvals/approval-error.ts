// What goes wrong with approval records, as a kind the HTTP edge maps to a status and a stable code.
export type ApprovalErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export class ApprovalError extends Error {
  constructor(
    readonly kind: ApprovalErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApprovalError';
  }
}
