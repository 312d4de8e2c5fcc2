// Maps for printed documents (the compliance report, the planning opinion document), drawn in-process by
// the WMS renderer: imagery and vector layers in Web Mercator around a site, with the site outlined and
// highlighted shapes (conflicts, drawn conditions) in HIGHLIGHT_COLOUR on top.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import type { Pool } from 'pg';
import { readCatalog } from '../../layers';
import type { ChildProcessPool } from '../child-process-pool';
import { drawLayer, mapFrame } from '../ogc/wms/get-map';
import { renderMap, type DrawnLayer } from '../ogc/wms/render/canvas-renderer';
import type { MapFrame } from '../ogc/wms/render/feature-query';
import { scaleDenominator } from '../ogc/wms/render/map-scale';
import { publishedWmsLayers, type WmsLayer } from '../ogc/wms/wms-layers';

const WEB_MERCATOR_SHAPES = readFileSync(path.join(__dirname, 'web-mercator-shapes.sql'), 'utf8');

/** The highlight of conflicting parts and drawn shapes (a colour no layer style uses). */
export const HIGHLIGHT_COLOUR = '#00FFFF';
const SITE_COLOUR = '#FFE000';
/** Space around what a map shows, as a share of its extent. */
const PADDING = 0.35;
/** The narrowest extent a map shows, in Web Mercator metres (a tiny site still gets some context). */
const MIN_EXTENT_M = 300;

export interface DocumentMapOptions {
  rasterDir: string;
  processes: ChildProcessPool;
  signal?: AbortSignal;
}

export type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] };

/** A vector layer drawn under the site: at a stored version, or the current one when none is given. */
export interface MapLayer {
  code: string;
  versionId?: string | null;
}

function positions(geometry: Geometry): number[][] {
  if (geometry.geometries) return geometry.geometries.flatMap(positions);
  const walk = (c: unknown): number[][] =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : Array.isArray(c) ? c.flatMap(walk) : [];
  return walk(geometry.coordinates);
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

export function tracePath(ctx: SKRSContext2D, geometry: Geometry, frame: MapFrame): void {
  const [minX, minY, maxX, maxY] = frame.bbox;
  const px = (p: number[]): [number, number] => [
    ((p[0]! - minX) / (maxX - minX)) * frame.width,
    ((maxY - p[1]!) / (maxY - minY)) * frame.height,
  ];
  const ring = (coords: number[][], close: boolean) => {
    coords.forEach((p, i) => (i === 0 ? ctx.moveTo(...px(p)) : ctx.lineTo(...px(p))));
    if (close) ctx.closePath();
  };
  const c = geometry.coordinates as never;
  switch (geometry.type) {
    case 'Polygon':
      (c as number[][][]).forEach((r) => ring(r, true));
      break;
    case 'MultiPolygon':
      (c as number[][][][]).forEach((poly) => poly.forEach((r) => ring(r, true)));
      break;
    case 'LineString':
      ring(c as number[][], false);
      break;
    case 'MultiLineString':
      (c as number[][][]).forEach((l) => ring(l, false));
      break;
    case 'Point':
    case 'MultiPoint':
      positions(geometry).forEach((p) => {
        const [x, y] = px(p);
        ctx.moveTo(x + 6, y);
        ctx.arc(x, y, 6, 0, 2 * Math.PI);
      });
      break;
    case 'GeometryCollection':
      geometry.geometries?.forEach((g) => tracePath(ctx, g, frame));
      break;
  }
}

/** The highlighted shapes (cyan) and the site (dashed, yellow) on a map's canvas. */
export function drawHighlights(
  ctx: SKRSContext2D,
  frame: MapFrame,
  site: Geometry,
  highlights: Geometry[],
): void {
  for (const shape of highlights) {
    ctx.beginPath();
    tracePath(ctx, shape, frame);
    ctx.fillStyle = 'rgba(0, 255, 255, 0.45)';
    ctx.fill('evenodd');
    ctx.lineWidth = 6;
    ctx.strokeStyle = HIGHLIGHT_COLOUR;
    ctx.stroke();
  }
  ctx.beginPath();
  tracePath(ctx, site, frame);
  ctx.lineWidth = 3;
  ctx.setLineDash([10, 5]);
  ctx.strokeStyle = SITE_COLOUR;
  ctx.stroke();
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
    const catalog = await readCatalog(this.pool);
    const available = publishedWmsLayers(catalog);
    const scale = scaleDenominator(frame.bbox, frame.width, false);
    const imagery = available.filter((l) => l.raster);
    const vectors = layers
      .map((wanted) => ({
        wanted,
        layer: available.find((l) => l.summary.code === wanted.code && !l.raster),
      }))
      .filter((v): v is { wanted: MapLayer; layer: WmsLayer } => v.layer !== undefined);
    const drawn: DrawnLayer[] = await Promise.all([
      ...imagery.map((layer) => {
        const current = catalog.current.get(layer.summary.code);
        const version = { versionId: current?.versionId ?? null, filePath: current?.filePath ?? null };
        return drawLayer(this.pool, this.options, layer, version, frame, scale);
      }),
      ...vectors.map(({ wanted, layer }) => {
        const versionId =
          wanted.versionId === undefined
            ? (catalog.current.get(layer.summary.code)?.versionId ?? null)
            : wanted.versionId;
        return drawLayer(this.pool, this.options, layer, { versionId, filePath: null }, frame, scale);
      }),
    ]);
    return renderMap(drawn, {
      width: frame.width,
      height: frame.height,
      background: [245, 245, 240, 1],
      format: { mime: 'image/png', encoder: 'png', alpha: false },
    });
  }
}
