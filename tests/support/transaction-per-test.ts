// A connection per test inside a transaction rolled back after it: nothing a test writes stays. `use`
// receives each test's connection before the test runs.
import type { Pool, PoolClient } from 'pg';

export function transactionPerTest(pool: Pool, use: (client: PoolClient) => void): void {
  let client: PoolClient | undefined;
  beforeEach(async () => {
    client = await pool.connect();
    await client.query('BEGIN');
    use(client);
  });
  afterEach(async () => {
    await client?.query('ROLLBACK');
    client?.release();
    client = undefined;
  });
}
