// Streams a frame's features from PostGIS (feature-query.sql) as compact TWKB, row by row, to whoever
// decodes them into pixels (feature-decoder.ts; Web Mercator projected there, far cheaper than
// ST_Transform of every feature).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { streamRows } from './stream-rows';
import type { FeatureRowSink } from './feature-decoder';
import { inverseWebMercator, type DecodedShape, type PixelTransform } from './twkb';

const FEATURE_QUERY =
  readFileSync(path.join(__dirname, 'frame-search.sql'), 'utf8') +
  readFileSync(path.join(__dirname, 'feature-query.sql'), 'utf8');

/** Pixels read around the frame, so strokes, marks and labels of features just outside still show. */
export const FRAME_MARGIN_PX = 16;
/** Vertices closer than this to the previous one are dropped. */
const SIMPLIFY_TOLERANCE_PX = 0.5;
/** Property values returned as columns; styles reading more get the whole properties object. */
const VALUE_COLUMNS = 4;
const GEOGRAPHIC = 4490;
const WEB_MERCATOR = 3857;

export interface MapFrame {
  /** minX, minY, maxX, maxY in the CRS given by srid (x = easting / longitude) */
  bbox: [number, number, number, number];
  srid: number;
  width: number;
  height: number;
}

export interface PixelFeature {
  shape: DecodedShape;
  /** where a label or a mark of a polygon or line goes, in pixels */
  labelAt: [number, number] | null;
  /** property values in the order of the names asked for */
  values: (string | null)[];
}

interface Row {
  shape: Buffer | null;
  label_at: Buffer | null;
  v1: string | null;
  v2: string | null;
  v3: string | null;
  v4: string | null;
  properties: Record<string, unknown> | null;
}

export function pixelTransform(frame: MapFrame): PixelTransform {
  const [minX, minY, maxX, maxY] = frame.bbox;
  const scaleX = frame.width / (maxX - minX);
  const scaleY = frame.height / (maxY - minY);
  return {
    scaleX,
    offsetX: -minX * scaleX,
    scaleY: -scaleY,
    offsetY: maxY * scaleY,
    tolerance: SIMPLIFY_TOLERANCE_PX,
    webMercator: frame.srid === WEB_MERCATOR,
  };
}

/**
 * TWKB decimal digits that keep about a tenth of a pixel of a box of that size (negative digits round to
 * tens, hundreds …), within the -7..7 that TWKB can hold.
 */
export function twkbDigits(box: [number, number, number, number], width: number, height: number): number {
  const [minX, minY, maxX, maxY] = box;
  const pixel = Math.min((maxX - minX) / width, (maxY - minY) / height);
  return Math.max(-7, Math.min(7, Math.ceil(-Math.log10(pixel / 10))));
}

/**
 * What the database is asked for: the frame with its margin, in the frame's CRS; or, for Web Mercator
 * (whose rectangles are lon/lat rectangles), in EPSG:4490, projecting in the decoder being far cheaper
 * than ST_Transform of every feature.
 */
export function queryBox(frame: MapFrame): { box: [number, number, number, number]; srid: number } {
  const [minX, minY, maxX, maxY] = frame.bbox;
  const marginX = ((maxX - minX) * FRAME_MARGIN_PX) / frame.width;
  const marginY = ((maxY - minY) * FRAME_MARGIN_PX) / frame.height;
  const box: [number, number, number, number] = [
    minX - marginX,
    minY - marginY,
    maxX + marginX,
    maxY + marginY,
  ];
  if (frame.srid !== WEB_MERCATOR) return { box, srid: frame.srid };
  const [west, south] = inverseWebMercator(box[0], box[1]);
  const [east, north] = inverseWebMercator(box[2], box[3]);
  return { box: [west, south, east, north], srid: GEOGRAPHIC };
}

/**
 * The first parameters of a frame's queries (frame-search.sql): the version, the frame with its margin in
 * the CRS the database is asked in, that CRS, and the TWKB decimal digits for it.
 */
export function frameValues(versionId: string, frame: MapFrame): unknown[] {
  const { box, srid } = queryBox(frame);
  return [
    versionId,
    ...box,
    srid,
    twkbDigits(box, frame.width + 2 * FRAME_MARGIN_PX, frame.height + 2 * FRAME_MARGIN_PX),
  ];
}

export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Streams the features of a layer version inside the frame to `onRow` as TWKB with the values the style
 * reads, one row at a time: a city map holds half a million features, which are painted as they arrive and
 * never kept. Returns how many rows had a shape.
 */
export async function streamFeatureRows(
  pool: Pool,
  versionId: string,
  frame: MapFrame,
  needs: { properties: string[]; labelPoints: boolean },
  onRow: FeatureRowSink,
  signal?: AbortSignal,
): Promise<number> {
  signal?.throwIfAborted();
  const values = [...frameValues(versionId, frame), needs.properties, needs.labelPoints];
  const wanted = needs.properties;
  let count = 0;
  const handleRow = (row: Row) => {
    if (!row.shape) return;
    count++;
    onRow(
      row.shape,
      row.label_at,
      wanted.length > VALUE_COLUMNS
        ? wanted.map((name) => text(row.properties?.[name]))
        : [row.v1, row.v2, row.v3, row.v4].slice(0, wanted.length),
    );
  };
  await streamRows<Row>(pool, { name: 'wms-feature-query', text: FEATURE_QUERY, values }, handleRow, signal);
  return count;
}
