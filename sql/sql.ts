// Parameterised SQL as tagged templates: values always travel as bound parameters, identifiers only
// through `identifier()`, which takes names from our own catalog, never from a request.
export interface Query {
  readonly text: string;
  readonly values: unknown[];
}

const IDENTIFIER = Symbol('identifier');

interface Identifier {
  readonly [IDENTIFIER]: string;
}

/** A quoted SQL identifier (table or column name) for use inside the `sql` template. */
export function identifier(name: string): Identifier {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`not an allowed SQL identifier: ${JSON.stringify(name)}`);
  }
  return { [IDENTIFIER]: `"${name}"` };
}

function isIdentifier(value: unknown): value is Identifier {
  return typeof value === 'object' && value !== null && IDENTIFIER in value;
}

/** sql`SELECT * FROM layers WHERE code = ${code}` → { text: '... code = $1', values: [code] } */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Query {
  const values: unknown[] = [];
  let text = strings[0] ?? '';
  params.forEach((param, i) => {
    if (isIdentifier(param)) {
      text += param[IDENTIFIER];
    } else {
      values.push(param);
      text += `$${values.length}`;
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values };
}
