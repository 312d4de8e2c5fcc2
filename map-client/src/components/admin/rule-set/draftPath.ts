// Reading and writing one value of a rule set draft by its path, as the form fields do; the draft is plain
// JSON (the JSON editor may have put anything in it), so every step checks what it finds.
export type Draft = Record<string, unknown>;
export type PathPart = string | number;

export function pathText(path: readonly PathPart[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

export function getIn(value: unknown, path: readonly PathPart[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** A copy of `root` with the value at `path` replaced (or removed when `next` is undefined). */
export function setIn(root: unknown, path: readonly PathPart[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [PathPart, ...PathPart[]];
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : typeof root === 'object' && root !== null
      ? { ...(root as Record<string, unknown>) }
      : typeof head === 'number'
        ? []
        : {};
  const record = container as Record<string | number, unknown>;
  const value = setIn(record[head], rest, next);
  if (value === undefined && !Array.isArray(container)) delete record[head];
  else record[head] = value;
  return container;
}
