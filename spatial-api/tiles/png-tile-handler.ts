// GET /tiles/:layer/:z/:x/:y.png: 256-pixel raster tiles (EPSG:3857 XYZ) of imagery layers and of vector
// layers drawn with their style, by the same renderer as WMS GetMap (on its render threads); ETag keyed on
// the layer version. Imagery is warped in the shared gdalwarp pool; a tile its client gave up on, or past the rendering
// time limit, stops its work.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { ChildProcessPool } from '../child-process-pool';
import { unavailable, notFound } from '../errors';
import { drawOnThread, mapFrame, readLayerInto } from '../ogc/wms/get-map';
import { imageFormat } from '../ogc/wms/formats';
import { drawnVersions } from '../ogc/wms/layer-versions';
import { scaleDenominator } from '../ogc/wms/render/map-scale';
import { publishedWmsLayers } from '../ogc/wms/wms-layers';
import type { RenderPool } from '../render-workers/render-pool';
import { DeadlineExceeded, requestDeadline } from '../request-deadline';
import { LineFull } from '../wait-line';
import { MAX_ZOOM, tileCoordinate } from './mvt-handler';
import { requestCatalog } from '../request-catalog';

const TILE_PX = 256;
const HALF_WORLD_M = 20037508.342789244;

/** The EPSG:3857 bounds of an XYZ tile. */
export function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const size = (2 * HALF_WORLD_M) / 2 ** z;
  return [
    -HALF_WORLD_M + x * size,
    HALF_WORLD_M - (y + 1) * size,
    -HALF_WORLD_M + (x + 1) * size,
    HALF_WORLD_M - y * size,
  ];
}

export interface PngTileOptions {
  rasterDir: string;
  /** the gdalwarp children shared by every request */
  processes: ChildProcessPool;
  /** the threads tiles are painted and encoded on */
  renders: RenderPool;
  /** a tile not drawn by then is answered 503 and its work stopped */
  maxRenderingMs: number;
}

export function pngTileHandler(pool: Pool, options: PngTileOptions): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.layer);
    const z = tileCoordinate('z', String(req.params.z), MAX_ZOOM);
    const x = tileCoordinate('x', String(req.params.x), 2 ** z - 1);
    const y = tileCoordinate('y', String(req.params.y), 2 ** z - 1);
    const catalog = await requestCatalog(pool);
    const layer = publishedWmsLayers(catalog).find((l) => l.summary.code === code);
    if (!layer) throw notFound(`图层不存在 / no layer "${code}"`, { parameter: 'layer', value: code });
    const version = (await drawnVersions(pool, catalog, [code], null)).get(code);
    const etag = `"${code}-v${version?.versionId ?? 'none'}-${z}-${x}-${y}-png"`;
    res.set('ETag', etag).set('Cache-Control', 'public, max-age=300');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const frame = mapFrame({ bbox: tileBounds(z, x, y), srid: 3857, width: TILE_PX, height: TILE_PX });
    const scale = scaleDenominator(frame.bbox, TILE_PX, false);
    const deadline = requestDeadline(res, options.maxRenderingMs);
    try {
      const image = await deadline.race(
        drawOnThread(
          options.renders,
          { signal: deadline.signal },
          async (job) => [
            await readLayerInto(
              job,
              0,
              pool,
              { ...options, signal: deadline.signal },
              layer,
              version,
              frame,
              scale,
            ),
          ],
          { width: TILE_PX, height: TILE_PX, background: null, format: imageFormat('image/png') },
        ),
      );
      res.type('image/png').send(image);
    } catch (error) {
      if (!(error instanceof DeadlineExceeded) && !(error instanceof LineFull)) throw error;
      // no tile to cache
      res.removeHeader('ETag');
      res.removeHeader('Cache-Control');
      if (error instanceof LineFull) {
        res.set('Retry-After', String(error.retryAfterS));
        throw unavailable(error.message, { retryAfterS: error.retryAfterS });
      }
      throw unavailable(
        `瓦片绘制超过${error.limitMs / 1000}秒上限 / the tile took longer than ${error.limitMs / 1000} s to draw`,
        { limitMs: error.limitMs },
      );
    } finally {
      deadline.end();
    }
  };
}
