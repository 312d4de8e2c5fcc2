// The connection pool, and a first connection that fails with a sentence a user can act on.
import { Pool } from 'pg';

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

export function createPool(databaseUrl: string, size = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: size, connectionTimeoutMillis: 5000 });
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
