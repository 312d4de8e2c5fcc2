// Every connection of the platform's pool runs with the session settings the map services rely on.
import { createPool } from '../../spatial-api';
import { testDatabaseUrl } from '../support/environment';

it('opens connections without JIT compiling', async () => {
  const pool = createPool(testDatabaseUrl(), 2);
  try {
    const { rows } = await pool.query<{ jit: string }>('SHOW jit');
    expect(rows[0]?.jit).toBe('off');
  } finally {
    await pool.end();
  }
});
