// GET /api/v1/health: is the database reachable, which PostGIS, how many layers. 503 with a reason if not.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { RETRY_AFTER_S } from '../database-unavailable';

export function healthHandler(pool: Pool): RequestHandler {
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
