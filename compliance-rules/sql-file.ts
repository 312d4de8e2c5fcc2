// The SQL files beside the code that runs them, read once per process.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const files = new Map<string, string>();

/** `<dir>/<name>.sql`, from the cache after the first read. */
export function readSqlFile(dir: string, name: string): string {
  const file = path.join(dir, `${name}.sql`);
  let text = files.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    files.set(file, text);
  }
  return text;
}
