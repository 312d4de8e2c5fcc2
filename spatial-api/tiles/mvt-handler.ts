// GET /tiles/:layer/:z/:x/:y.mvt: vector tiles of a layer's current version (EPSG:3857 XYZ).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { currentVersionId } from '../../layers';
import { badRequest, notFound } from '../errors';

const MVT_TILE = readFileSync(path.join(__dirname, 'mvt-tile.sql'), 'utf8');
const MAX_ZOOM = 22;

function tileCoordinate(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) {
    throw badRequest(
      `瓦片坐标 ${name} 应为 0 到 ${max} 的整数 / tile ${name} must be a whole number from 0 to ${max}`,
      {
        parameter: name,
        value: raw,
      },
    );
  }
  return value;
}

export function mvtHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.layer);
    const z = tileCoordinate('z', String(req.params.z), MAX_ZOOM);
    const x = tileCoordinate('x', String(req.params.x), 2 ** z - 1);
    const y = tileCoordinate('y', String(req.params.y), 2 ** z - 1);
    const versionId = await currentVersionId(pool, code);
    if (versionId === undefined)
      throw notFound(`图层不存在 / no layer "${code}"`, { parameter: 'layer', value: code });
    const etag = `"${code}-v${versionId}-${z}-${x}-${y}"`;
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const { rows } = await pool.query<{ tile: Buffer | null }>(MVT_TILE, [versionId, z, x, y, code]);
    res
      .set('Content-Type', 'application/vnd.mapbox-vector-tile')
      .set('Cache-Control', 'public, max-age=300')
      .set('ETag', etag)
      .send(rows[0]?.tile ?? Buffer.alloc(0));
  };
}
