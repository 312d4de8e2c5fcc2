// Every connection of the platform's pool runs with the session settings the map services rely on.
import { createPool } from '../../spatial-api';
import { testDatabaseUrl } from '../support/environment';

it('opens connections without JIT compiling or parallel workers', async () => {
  const pool = createPool(testDatabaseUrl(), 2);
  try {
    const { rows } = await pool.query<{ jit: string; workers: string }>(
      "SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers",
    );
    expect(rows[0]).toEqual({ jit: 'off', workers: '0' });
  } finally {
    await pool.end();
  }
});
