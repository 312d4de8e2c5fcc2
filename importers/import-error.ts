// The one error an import raises for bad input: a stable code, a message saying what is wrong and how to
// fix it (Chinese first), and details naming the file, feature or parameter at fault.
export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
