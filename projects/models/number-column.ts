// bigint and numeric columns arrive from pg as strings (they may not fit a JavaScript number); the ids,
// references and amounts of the projects domain do, so the models hand them out as numbers.
export function numberOrNull(raw: unknown): number | null {
  return raw === null || raw === undefined ? null : Number(raw);
}
