// The connection pool, and a first connection that fails with a sentence a user can act on.
import { Pool } from 'pg';

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

/**
 * Session settings of every connection. No JIT compiling: it costs 100 ms and more on the large streamed
 * queries of the map services (GetMap, GetFeature, tiles) and saves less than that on any of them. No
 * parallel workers: those queries stream their rows to one Node.js thread, which is what limits them, and
 * workers only take CPU from it (a district GetMap is about 20 % faster without them on two cores); a
 * long analysis may turn them back on with SET LOCAL.
 */
export const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** The pool; every statement on it is bounded by `statementTimeoutMs` (0: unbounded). */
export function createPool(databaseUrl: string, size = 10, statementTimeoutMs = 0): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: size,
    // a database that does not answer fails a request in 3 s (503), not after the client gave up
    connectionTimeoutMillis: 3000,
    options: `${SESSION_OPTIONS} -c statement_timeout=${Math.max(0, Math.trunc(statementTimeoutMs))}`,
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on its next query instead
  return pool;
}

/** Where the URL points, without its password, for messages. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'the configured database';
  }
}

export async function checkConnection(pool: Pool, databaseUrl: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachable(
      `cannot reach PostgreSQL at ${describeDatabase(databaseUrl)} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
    );
  }
}
