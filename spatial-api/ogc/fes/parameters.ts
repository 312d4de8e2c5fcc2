// Placeholders for the values a filter binds: each value gets the next $n, starting where the caller's
// own parameters end. Nothing from the request is ever spliced into the SQL text.
export class SqlParameters {
  readonly values: unknown[] = [];

  constructor(private readonly first: number) {
    if (!Number.isInteger(first) || first < 1)
      throw new RangeError(`firstParameter must be a positive integer, not ${first}`);
  }

  /** Binds a value and returns its placeholder, e.g. "$3". */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}
