// JSON text as PostgreSQL's jsonb gives it back once stored: every object's keys in jsonb's order (shorter
// keys first, keys of one length bytewise; numbers and strings keep their values). A check answers with
// what it stores without reading it back.

function jsonbKeyOrder(a: string, b: string): number {
  const length = Buffer.byteLength(a) - Buffer.byteLength(b);
  return length !== 0 ? length : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort(jsonbKeyOrder)
      .map((key) => [key, reordered(object[key])]),
  );
}

/** `text` (as JSON.stringify wrote it) parsed as reading it back from a jsonb column parses it */
export function storedJson(text: string): unknown {
  return reordered(JSON.parse(text));
}
