// GET /tiles/:layer/:z/:x/:y.mvt: vector tiles of a layer's current version (EPSG:3857 XYZ), gzipped for
// clients that take it, cached in process, with an ETag and Cache-Control keyed on the layer version.
// Tiles where the version's coverage shows no feature are answered empty without a query.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { isRasterLayer, type LayerSummary } from '../../layers';
import { badRequest, notFound } from '../errors';
import { tileAttributes } from './tile-attributes';
import { minimumFeatureSize } from './tile-generalisation';
import type { Encoding, TileCache } from './tile-cache';
import type { TileCoverage } from './tile-coverage';
import { requestCatalog } from '../request-catalog';

const gzipAsync = promisify(gzip);
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
  const catalog = await requestCatalog(pool);
  const layer = catalog.layers.find((l) => l.code === code);
  const versionId = catalog.current.get(code)?.versionId;
  if (!layer || !versionId || isRasterLayer(layer)) {
    throw notFound(`没有可切片的图层“${code}” / no vector layer "${code}"`, {
      parameter: 'layer',
      value: code,
    });
  }
  return { layer, versionId };
}

async function buildTile(
  pool: Pool,
  coverage: TileCoverage,
  { layer, versionId }: TileLayer,
  z: number,
  x: number,
  y: number,
): Promise<Buffer> {
  const smallest = minimumFeatureSize(z);
  if (!coverage.mayHaveFeatures(versionId, z, x, y, smallest)) return Buffer.alloc(0);
  // a named statement: parsed once per connection, planned once the plans agree
  const { rows } = await pool.query<{ tile: Buffer | null }>({
    name: 'mvt-tile',
    text: MVT_TILE,
    values: [versionId, z, x, y, layer.code, tileAttributes(layer, z) ?? null, smallest ?? null],
  });
  return rows[0]?.tile ?? Buffer.alloc(0);
}

export function mvtHandler(pool: Pool, cache: TileCache, coverage: TileCoverage): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.layer);
    const z = tileCoordinate('z', String(req.params.z), MAX_ZOOM);
    const x = tileCoordinate('x', String(req.params.x), 2 ** z - 1);
    const y = tileCoordinate('y', String(req.params.y), 2 ** z - 1);
    const target = await tileLayer(pool, code);
    const { versionId } = target;
    cache.observeVersion(code, versionId);
    const etag = `"${code}-v${versionId}-${z}-${x}-${y}"`;
    res.set('ETag', etag).set('Cache-Control', 'public, max-age=300').set('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const encoding: Encoding = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
      ? 'gzip'
      : 'identity';
    // kept in the encoding asked for: browsers always take gzip, so there is seldom a second copy
    let body = cache.get(code, versionId, z, x, y, encoding);
    if (!body) {
      const raw = await buildTile(pool, coverage, target, z, x, y);
      body = encoding === 'gzip' && raw.length > 0 ? await gzipAsync(raw, { level: 6 }) : raw;
      cache.set(code, versionId, z, x, y, body, encoding);
    }
    res.set('Content-Type', 'application/vnd.mapbox-vector-tile');
    if (body.length > 0 && encoding === 'gzip') res.set('Content-Encoding', 'gzip');
    res.send(body);
  };
}
