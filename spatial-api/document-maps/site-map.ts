// Maps for printed documents (the compliance report, the planning opinion document), drawn by the WMS
// renderer on the render threads: imagery and vector layers in Web Mercator around a site, with the site
// outlined and highlighted shapes (conflicts, drawn conditions) in HIGHLIGHT_COLOUR on top (highlights.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Pool } from 'pg';
import type { ChildProcessPool } from '../child-process-pool';
import { drawOnThread, mapFrame, readLayerInto } from '../ogc/wms/get-map';
import type { MapFrame } from '../ogc/wms/render/feature-query';
import { scaleDenominator } from '../ogc/wms/render/map-scale';
import { publishedWmsLayers, type WmsLayer } from '../ogc/wms/wms-layers';
import type { RenderPool } from '../render-workers/render-pool';
import { documentCanvas } from './document-canvas';
import { drawHighlights, positions, type Geometry } from './highlights';
import { requestCatalog } from '../request-catalog';

export { drawHighlights, HIGHLIGHT_COLOUR, tracePath, type Geometry, type Highlights } from './highlights';

const WEB_MERCATOR_SHAPES = readFileSync(path.join(__dirname, 'web-mercator-shapes.sql'), 'utf8');

/** Space around what a map shows, as a share of its extent. */
const PADDING = 0.35;
/** The narrowest extent a map shows, in Web Mercator metres (a tiny site still gets some context). */
const MIN_EXTENT_M = 300;

export interface DocumentMapOptions {
  rasterDir: string;
  processes: ChildProcessPool;
  /** the threads the maps are painted and encoded on */
  renders: RenderPool;
  signal?: AbortSignal;
}

/** A vector layer drawn under the site: at a stored version, or the current one when none is given. */
export interface MapLayer {
  code: string;
  versionId?: string | null;
}

/** A box around the shapes (Web Mercator) with the image's aspect ratio. */
export function frameAround(shapes: Geometry[], width: number, height: number): MapFrame {
  const points = shapes.flatMap(positions);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  let w = Math.max((Math.max(...xs) - Math.min(...xs)) * (1 + 2 * PADDING), MIN_EXTENT_M);
  let h = Math.max((Math.max(...ys) - Math.min(...ys)) * (1 + 2 * PADDING), MIN_EXTENT_M);
  if (w / h > width / height) h = (w * height) / width;
  else w = (h * width) / height;
  return mapFrame({ bbox: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], srid: 3857, width, height });
}

/** The site and the highlighted shapes over a base map. */
export async function drawOverlay(
  base: Buffer,
  frame: MapFrame,
  site: Geometry,
  highlights: Geometry[],
): Promise<Buffer> {
  const canvas = createCanvas(frame.width, frame.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(base), 0, 0);
  drawHighlights(ctx, frame, site, highlights);
  return canvas.encode('png');
}

/** GeoJSON geometries in EPSG:4490 as Web Mercator GeoJSON, in the order given. */
export async function toWebMercator(pool: Pool, shapes: Record<string, unknown>[]): Promise<Geometry[]> {
  if (shapes.length === 0) return [];
  const { rows } = await pool.query<{ shape: Geometry }>(WEB_MERCATOR_SHAPES, [
    shapes.map((s) => JSON.stringify(s)),
  ]);
  return rows.map((r) => r.shape);
}

export class DocumentMapDrawer {
  constructor(
    private readonly pool: Pool,
    private readonly options: DocumentMapOptions,
  ) {}

  toWebMercator(shapes: Record<string, unknown>[]): Promise<Geometry[]> {
    return toWebMercator(this.pool, shapes);
  }

  /** The current imagery under the given vector layers (each at its version, or the current one). */
  async baseMap(layers: MapLayer[], frame: MapFrame): Promise<Buffer> {
    const catalog = await requestCatalog(this.pool);
    const available = publishedWmsLayers(catalog);
    const scale = scaleDenominator(frame.bbox, frame.width, false);
    const imagery = available.filter((l) => l.raster);
    const vectors = layers
      .map((wanted) => ({
        wanted,
        layer: available.find((l) => l.summary.code === wanted.code && !l.raster),
      }))
      .filter((v): v is { wanted: MapLayer; layer: WmsLayer } => v.layer !== undefined);
    return drawOnThread(
      this.options.renders,
      // a document's maps wait for their turn however long the line: there is no one to turn away
      { signal: this.options.signal, unbounded: true },
      (job) =>
        Promise.all([
          ...imagery.map((layer, i) => {
            const current = catalog.current.get(layer.summary.code);
            const version = { versionId: current?.versionId ?? null, filePath: current?.filePath ?? null };
            return readLayerInto(job, i, this.pool, this.options, layer, version, frame, scale);
          }),
          ...vectors.map(({ wanted, layer }, i) => {
            const versionId =
              wanted.versionId === undefined
                ? (catalog.current.get(layer.summary.code)?.versionId ?? null)
                : wanted.versionId;
            const version = { versionId, filePath: null };
            return readLayerInto(
              job,
              imagery.length + i,
              this.pool,
              this.options,
              layer,
              version,
              frame,
              scale,
            );
          }),
        ]),
      documentCanvas(frame),
    );
  }
}
