// Streams the rows of one read-only query to a handler as they arrive, on a connection of its own: a
// request stopped (client gone, deadline passed) cancels the query in PostgreSQL.
import { Query, type Pool, type QueryResultRow } from 'pg';

export async function streamRows<Row extends QueryResultRow>(
  pool: Pool,
  query: { name: string; text: string; values: unknown[] },
  onRow: (row: Row) => void,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const client = await pool.connect();
  const backend = (client as unknown as { processID: number }).processID;
  const cancel = () => {
    pool.query('SELECT pg_cancel_backend($1)', [backend]).catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    signal?.throwIfAborted();
    // a plan for each frame (an index scan for a street, a parallel scan for the whole city)
    await client.query('BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_custom_plan');
    await new Promise<void>((resolve, reject) => {
      const streamed = new Query<Row>(query);
      let failure: unknown;
      streamed.on('row', (row: Row) => {
        if (failure !== undefined) return;
        try {
          onRow(row);
        } catch (error) {
          failure = error;
        }
      });
      streamed.on('error', reject);
      streamed.on('end', () => (failure === undefined ? resolve() : reject(failure)));
      client.query(streamed);
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
    // after a cancel the connection is closed, so a late cancel cannot reach the next query on it
    client.release(signal?.aborted === true);
  }
}
