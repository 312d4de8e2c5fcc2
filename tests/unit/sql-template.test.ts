// The sql tagged template keeps values out of the SQL text.
import { identifier, sql } from '../../sql';

describe('sql template', () => {
  it('turns values into numbered parameters', () => {
    const code = "x'; DROP TABLE layers; --";
    expect(sql`SELECT * FROM layers WHERE code = ${code} AND id > ${3}`).toEqual({
      text: 'SELECT * FROM layers WHERE code = $1 AND id > $2',
      values: [code, 3],
    });
  });

  it('quotes identifiers and refuses anything that is not a plain name', () => {
    expect(sql`SELECT * FROM ${identifier('layer_features')}`.text).toBe('SELECT * FROM "layer_features"');
    expect(() => identifier('features"; DROP TABLE x; --')).toThrow(/not an allowed SQL identifier/);
  });
});
