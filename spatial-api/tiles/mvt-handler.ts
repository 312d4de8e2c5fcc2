// GET /tiles/:layer/:z/:x/:y.mvt: vector tiles of a layer's current version (EPSG:3857 XYZ), gzipped,
// cached in process, with an ETag and Cache-Control keyed on the layer version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { readCatalog, type LayerSummary } from '../../layers';
import { badRequest, notFound } from '../errors';
import { tileAttributes } from './tile-attributes';
import type { TileCache } from './tile-cache';

const MVT_TILE = readFileSync(path.join(__dirname, 'mvt-tile.sql'), 'utf8');
export const MAX_ZOOM = 22;

export function tileCoordinate(name: string, raw: string, max: number): number {
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

/** What a tile needs of a layer: the catalog entry and the current version. */
export interface TileLayer {
  layer: LayerSummary;
  versionId: string;
}

/** The layer from the catalog snapshot; 404 for an unknown, empty or raster layer. */
export async function tileLayer(pool: Pool, code: string): Promise<TileLayer> {
  const catalog = await readCatalog(pool);
  const layer = catalog.layers.find((l) => l.code === code);
  const versionId = catalog.current.get(code)?.versionId;
  if (!layer || !versionId || layer.geometryType === 'Raster') {
    throw notFound(`没有可切片的图层“${code}” / no vector layer "${code}"`, {
      parameter: 'layer',
      value: code,
    });
  }
  return { layer, versionId };
}

export function mvtHandler(pool: Pool, cache: TileCache): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.layer);
    const z = tileCoordinate('z', String(req.params.z), MAX_ZOOM);
    const x = tileCoordinate('x', String(req.params.x), 2 ** z - 1);
    const y = tileCoordinate('y', String(req.params.y), 2 ** z - 1);
    const { layer, versionId } = await tileLayer(pool, code);
    cache.observeVersion(code, versionId);
    const etag = `"${code}-v${versionId}-${z}-${x}-${y}"`;
    res.set('ETag', etag).set('Cache-Control', 'public, max-age=300').set('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    let gzipped = cache.get(code, versionId, z, x, y);
    if (!gzipped) {
      const { rows } = await pool.query<{ tile: Buffer | null }>(MVT_TILE, [
        versionId,
        z,
        x,
        y,
        code,
        tileAttributes(layer, z) ?? null,
      ]);
      gzipped = gzipSync(rows[0]?.tile ?? Buffer.alloc(0), { level: 6 });
      cache.set(code, versionId, z, x, y, gzipped);
    }
    res.set('Content-Type', 'application/vnd.mapbox-vector-tile');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.set('Content-Encoding', 'gzip').send(gzipped);
    } else {
      res.send(gunzipSync(gzipped));
    }
  };
}
