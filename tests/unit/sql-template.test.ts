// The sql tagged template keeps values out of the SQL text.
import { sql } from '../../sql';

describe('sql template', () => {
  it('turns values into numbered parameters', () => {
    const code = "x'; DROP TABLE layers; --";
    expect(sql`SELECT * FROM layers WHERE code = ${code} AND id > ${3}`).toEqual({
      text: 'SELECT * FROM layers WHERE code = $1 AND id > $2',
      values: [code, 3],
    });
  });
});
