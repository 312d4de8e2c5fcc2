// GeoStyler filters (['==', 'land_use_code', '0701'], ['&&', …], ['!', …] …) compiled to predicates over
// a feature's property values, which the feature query returns as text in the order of `properties`.

export type ValuePredicate = (values: readonly (string | null)[]) => boolean;

type Literal = string | number | boolean | null;

/** The property a filter operand names: a plain string, or GeoStyler's { name: 'property', args: [p] }. */
export function propertyOperand(operand: unknown): string | undefined {
  if (typeof operand === 'string') return operand;
  if (operand && typeof operand === 'object') {
    const fn = operand as { name?: unknown; args?: unknown };
    if (fn.name === 'property' && Array.isArray(fn.args) && typeof fn.args[0] === 'string') return fn.args[0];
  }
  return undefined;
}

function isLiteral(value: unknown): value is Literal {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function equals(actual: string | null, expected: Literal): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  if (typeof expected === 'number') return actual.trim() !== '' && Number(actual) === expected;
  return actual === String(expected);
}

function compare(actual: string | null, expected: Literal): number | null {
  if (actual === null || expected === null) return null;
  if (typeof expected === 'number') {
    const value = Number(actual);
    return actual.trim() === '' || Number.isNaN(value) ? null : value - expected;
  }
  return actual < String(expected) ? -1 : actual > String(expected) ? 1 : 0;
}

/**
 * Compiles `filter`, registering the properties it reads with `propertyIndex`. A filter this painter
 * cannot evaluate (functions other than property) matches every feature, so nothing silently vanishes.
 */
export function compileFilter(filter: unknown, propertyIndex: (name: string) => number): ValuePredicate {
  if (filter === undefined || filter === null || filter === true) return () => true;
  if (filter === false) return () => false;
  if (!Array.isArray(filter) || filter.length === 0) return () => true;
  const [op, ...args] = filter as [unknown, ...unknown[]];
  switch (op) {
    case '&&': {
      const parts = args.map((a) => compileFilter(a, propertyIndex));
      return (v) => parts.every((p) => p(v));
    }
    case '||': {
      const parts = args.map((a) => compileFilter(a, propertyIndex));
      return (v) => parts.some((p) => p(v));
    }
    case '!': {
      const inner = compileFilter(args[0], propertyIndex);
      return (v) => !inner(v);
    }
    default:
      return compileComparison(String(op), args, propertyIndex);
  }
}

function compileComparison(
  op: string,
  args: unknown[],
  propertyIndex: (name: string) => number,
): ValuePredicate {
  const property = propertyOperand(args[0]);
  const literals = args.slice(1);
  if (property === undefined || !literals.every(isLiteral)) return () => true;
  const i = propertyIndex(property);
  const [expected, upper] = literals as Literal[];
  const value = (v: readonly (string | null)[]) => v[i] ?? null;
  const ordered = (test: (d: number) => boolean) => (v: readonly (string | null)[]) => {
    const d = compare(value(v), expected ?? null);
    return d !== null && test(d);
  };
  switch (op) {
    case '==':
      return (v) => equals(value(v), expected ?? null);
    case '!=':
      return (v) => !equals(value(v), expected ?? null);
    case '<':
      return ordered((d) => d < 0);
    case '<=':
      return ordered((d) => d <= 0);
    case '>':
      return ordered((d) => d > 0);
    case '>=':
      return ordered((d) => d >= 0);
    case '*=':
      return (v) => value(v)?.includes(String(expected)) ?? false;
    case '<=x<=':
      return (v) => {
        const low = compare(value(v), expected ?? null);
        const high = compare(value(v), upper ?? null);
        return low !== null && high !== null && low >= 0 && high <= 0;
      };
    default:
      return () => true;
  }
}
