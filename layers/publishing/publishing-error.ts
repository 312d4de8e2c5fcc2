// The one error publishing raises: a stable code, a message saying what is wrong and how to fix it
// (Chinese first), and details naming the layer, the step or the parameter at fault.
export class PublishingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PublishingError';
  }
}
