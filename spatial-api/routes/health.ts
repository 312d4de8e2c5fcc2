// GET /api/v1/health: is the database reachable, which PostGIS, how many layers, and the standbys' states
// when there are any. 503 with a reason if the primary is not reachable, or does not answer within
// HEALTH_WAIT_MS. Asked on a connection of its own (health-connection.ts), so it answers quickly while the
// map services keep every connection of the pool busy.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { RETRY_AFTER_S } from '../database-unavailable';
import type { ReplicaSet } from '../replicas/replica-set';

/** Each standby's state as the last look found it. */
function replicaHealth(replicas: ReplicaSet) {
  return replicas.replicas.map((r) => ({
    name: r.name,
    state: r.state,
    lagBytes: r.lagBytes,
    reason: r.reason,
  }));
}

/** `pool`: the health check's own connection (healthConnection). */
export function healthHandler(pool: Pool, replicas: ReplicaSet | null = null): RequestHandler {
  return async (_req, res) => {
    try {
      const { rows } = await pool.query<{ postgis: string; layers: string }>(
        'SELECT postgis_lib_version() AS postgis, (SELECT count(*) FROM layers WHERE deleted_at IS NULL) AS layers',
      );
      res.json({
        status: 'ok',
        database: 'ok',
        postgis: rows[0]?.postgis ?? null,
        layers: Number(rows[0]?.layers ?? 0),
        ...(replicas ? { replicas: replicaHealth(replicas) } : {}),
      });
    } catch (error) {
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_S))
        .json({
          status: 'error',
          database: 'unavailable',
          postgis: null,
          layers: null,
          reason: `数据库不可用 / database unavailable: ${error instanceof Error ? error.message : String(error)}`,
        });
    }
  };
}
