// @ts-check
// One clear line on stderr and a non-zero exit: the bootstrap never shows a stack trace to a user.

export class BootstrapError extends Error {
  /** @param {string} message what is wrong and what to do about it */
  constructor(message) {
    super(message);
    this.name = 'BootstrapError';
  }
}

/** @param {unknown} error */
export function exitWith(error) {
  const message = error instanceof BootstrapError ? error.message : `Unexpected failure: ${String(error)}`;
  process.stderr.write(`一张蓝图 / One Blueprint: ${message}\n`);
  process.exit(1);
}

/** @param {string} line */
export function say(line) {
  process.stdout.write(`» ${line}\n`);
}
