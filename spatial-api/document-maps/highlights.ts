// The site outlined (dashed, yellow) and highlighted shapes (conflicts, drawn conditions; cyan) drawn over a
// document's map, from Web Mercator GeoJSON: plain data, so a render thread can draw them too.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { MapFrame } from '../ogc/wms/render/feature-query';

/** The highlight of conflicting parts and drawn shapes (a colour no layer style uses). */
export const HIGHLIGHT_COLOUR = '#00FFFF';
const SITE_COLOUR = '#FFE000';

export type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] };

/** The site and the shapes highlighted over a map of `frame`. */
export interface Highlights {
  frame: MapFrame;
  site: Geometry;
  shapes: Geometry[];
}

export function positions(geometry: Geometry): number[][] {
  if (geometry.geometries) return geometry.geometries.flatMap(positions);
  const walk = (c: unknown): number[][] =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : Array.isArray(c) ? c.flatMap(walk) : [];
  return walk(geometry.coordinates);
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
