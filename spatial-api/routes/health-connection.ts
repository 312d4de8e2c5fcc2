// The health check's own connection to the primary, beside the services' pool: a check is never queued
// behind map and feature queries waiting for a connection, and it waits a bounded time for the database.
import { Pool } from 'pg';

/** How long a check waits to connect, and then for its query, before it answers 503. */
export const HEALTH_WAIT_MS = 2000;

/** A one-connection pool to the same database as `pool`, with its session settings. */
export function healthConnection(pool: Pool): Pool {
  const { connectionString, host, port, user, password, database, ssl, options } = pool.options;
  const health = new Pool({
    connectionString,
    host,
    port,
    user,
    password,
    database,
    ssl,
    options,
    max: 1,
    connectionTimeoutMillis: HEALTH_WAIT_MS,
    query_timeout: HEALTH_WAIT_MS,
    idleTimeoutMillis: 30_000,
    // an idle health connection never keeps the process alive
    allowExitOnIdle: true,
  });
  health.on('error', () => undefined); // a dropped idle connection shows on the next check
  return health;
}
