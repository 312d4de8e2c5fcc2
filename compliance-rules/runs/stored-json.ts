// JSON text as PostgreSQL's jsonb gives it back once stored: every object's keys in jsonb's order (shorter
// keys first, keys of one length bytewise; numbers and strings keep their values). A check answers with
// what it stores without reading it back.

/** Keys as jsonb sorts them: by their length in UTF-8, then bytewise (for ASCII keys, as strings compare). */
function jsonbKeyOrder(a: string, b: string): number {
  if (!NOT_ASCII.test(a) && !NOT_ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const length = Buffer.byteLength(a) - Buffer.byteLength(b);
  return length !== 0 ? length : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** anything but printable ASCII: such keys are compared as UTF-8 bytes */
const NOT_ASCII = /[^ -~]/;

function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort(jsonbKeyOrder);
  return Object.fromEntries(keys.map((key) => [key, reordered(object[key])]));
}

/** `text` (as JSON.stringify wrote it) parsed as reading it back from a jsonb column parses it */
export function storedJson(text: string): unknown {
  return reordered(JSON.parse(text));
}
