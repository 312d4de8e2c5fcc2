// The maps of a compliance report, drawn in-process by the WMS renderer: the imagery and the layers the
// check read (at the versions it read), in Web Mercator around the site, with the site outlined and the
// conflicting parts highlighted in CONFLICT_COLOUR on top.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import type { Pool } from 'pg';
import type { ComplianceRun, RuleResult } from '../../compliance-rules';
import { MAP_SIZES, type ReportMaps } from '../../compliance-rules';
import { readCatalog } from '../../layers';
import type { ChildProcessPool } from '../child-process-pool';
import { drawLayer, mapFrame } from '../ogc/wms/get-map';
import { renderMap, type DrawnLayer } from '../ogc/wms/render/canvas-renderer';
import type { MapFrame } from '../ogc/wms/render/feature-query';
import { scaleDenominator } from '../ogc/wms/render/map-scale';
import { publishedWmsLayers, type WmsLayer } from '../ogc/wms/wms-layers';

const REPORT_SHAPES = readFileSync(path.join(__dirname, 'report-shapes.sql'), 'utf8');

/** The highlight of conflicting parts (a colour no layer style uses). */
export const CONFLICT_COLOUR = '#00FFFF';
const SITE_COLOUR = '#FFE000';
/** Space around what a map shows, as a share of its extent. */
const PADDING = 0.35;
/** The narrowest extent a map shows, in Web Mercator metres (a tiny site still gets some context). */
const MIN_EXTENT_M = 300;

export interface ReportMapOptions {
  rasterDir: string;
  processes: ChildProcessPool;
  signal?: AbortSignal;
}

type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] };

async function toWebMercator(pool: Pool, shapes: Record<string, unknown>[]): Promise<Geometry[]> {
  if (shapes.length === 0) return [];
  const { rows } = await pool.query<{ shape: Geometry }>(REPORT_SHAPES, [
    shapes.map((s) => JSON.stringify(s)),
  ]);
  return rows.map((r) => r.shape);
}

function positions(geometry: Geometry): number[][] {
  if (geometry.geometries) return geometry.geometries.flatMap(positions);
  const walk = (c: unknown): number[][] =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : Array.isArray(c) ? c.flatMap(walk) : [];
  return walk(geometry.coordinates);
}

/** A box around the shapes with the image's aspect ratio. */
function frameAround(shapes: Geometry[], width: number, height: number): MapFrame {
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

function tracePath(ctx: SKRSContext2D, geometry: Geometry, frame: MapFrame): void {
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

async function drawOverlay(
  base: Buffer,
  frame: MapFrame,
  site: Geometry,
  conflicts: Geometry[],
): Promise<Buffer> {
  const canvas = createCanvas(frame.width, frame.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(base), 0, 0);
  for (const conflict of conflicts) {
    ctx.beginPath();
    tracePath(ctx, conflict, frame);
    ctx.fillStyle = 'rgba(0, 255, 255, 0.45)';
    ctx.fill('evenodd');
    ctx.lineWidth = 6;
    ctx.strokeStyle = CONFLICT_COLOUR;
    ctx.stroke();
  }
  ctx.beginPath();
  tracePath(ctx, site, frame);
  ctx.lineWidth = 3;
  ctx.setLineDash([10, 5]);
  ctx.strokeStyle = SITE_COLOUR;
  ctx.stroke();
  return canvas.encode('png');
}

export class ReportMapDrawer {
  constructor(
    private readonly pool: Pool,
    private readonly options: ReportMapOptions,
  ) {}

  /** The imagery (current) under the given layers at the versions the check read. */
  private async draw(
    run: ComplianceRun,
    layerCodes: string[],
    frame: MapFrame,
    published: WmsLayer[],
  ): Promise<Buffer> {
    const scale = scaleDenominator(frame.bbox, frame.width, false);
    const imagery = published.filter((l) => l.raster);
    const vectors = layerCodes
      .map((code) => published.find((l) => l.summary.code === code && !l.raster))
      .filter((l): l is WmsLayer => l !== undefined);
    const catalog = await readCatalog(this.pool);
    const drawn: DrawnLayer[] = await Promise.all([
      ...imagery.map((layer) => {
        const current = catalog.current.get(layer.summary.code);
        const version = { versionId: current?.versionId ?? null, filePath: current?.filePath ?? null };
        return drawLayer(this.pool, this.options, layer, version, frame, scale);
      }),
      ...vectors.map((layer) => {
        const read = run.layerVersions.find((v) => v.layer === layer.summary.code);
        return drawLayer(
          this.pool,
          this.options,
          layer,
          { versionId: read?.versionId ?? null, filePath: null },
          frame,
          scale,
        );
      }),
    ]);
    return renderMap(drawn, {
      width: frame.width,
      height: frame.height,
      background: [245, 245, 240, 1],
      format: { mime: 'image/png', encoder: 'png', alpha: false },
    });
  }

  async maps(run: ComplianceRun): Promise<ReportMaps> {
    const published = publishedWmsLayers(await readCatalog(this.pool));
    const withConflict = run.rules.filter(
      (r): r is RuleResult & { conflictGeometry: Record<string, unknown> } => r.conflictGeometry !== null,
    );
    const [site, ...conflicts] = await toWebMercator(this.pool, [
      run.siteGeometry,
      ...withConflict.map((r) => r.conflictGeometry),
    ]);
    const conflictOf = new Map(withConflict.map((r, i) => [r.ruleId, conflicts[i]!]));
    const allLayers = run.layerVersions.map((v) => v.layer);
    const siteFrame = frameAround([site!], MAP_SIZES.site.width, MAP_SIZES.site.height);
    const failedConflicts = run.rules
      .filter((r) => !r.passed)
      .map((r) => conflictOf.get(r.ruleId))
      .filter((g): g is Geometry => g !== undefined);
    const siteMap = drawOverlay(
      await this.draw(run, allLayers, siteFrame, published),
      siteFrame,
      site!,
      failedConflicts,
    );
    // drawn side by side: the server's gdalwarp pool bounds the imagery work
    const ruleMaps = run.rules.map(async (rule): Promise<[string, Buffer]> => {
      const conflict = rule.passed ? undefined : conflictOf.get(rule.ruleId);
      const frame = frameAround(
        conflict ? [site!, conflict] : [site!],
        MAP_SIZES.rule.width,
        MAP_SIZES.rule.height,
      );
      const layers = [...new Set(rule.features.map((f) => f.layer))];
      const base = await this.draw(run, layers.length > 0 ? layers : allLayers, frame, published);
      return [rule.ruleId, await drawOverlay(base, frame, site!, conflict ? [conflict] : [])];
    });
    const rules = new Map(await Promise.all(ruleMaps));
    return { site: await siteMap, rules };
  }
}
