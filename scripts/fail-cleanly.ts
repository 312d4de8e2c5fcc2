// Ends a command-line program on an error with one line saying what is wrong, never a stack trace
// (set DEBUG=1 to see one).
export function failCleanly(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`一张蓝图 / One Blueprint: ${message}\n`);
  if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
