// Parameterised SQL as a tagged template: every interpolated value travels as a bound parameter, never as
// text of the query.
export interface Query {
  readonly text: string;
  readonly values: unknown[];
}

/** sql`SELECT * FROM layers WHERE code = ${code}` → { text: '... code = $1', values: [code] } */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Query {
  const values: unknown[] = [];
  let text = strings[0] ?? '';
  params.forEach((param, i) => {
    values.push(param);
    text += `$${values.length}${strings[i + 1] ?? ''}`;
  });
  return { text, values };
}
