// What the server's threads and its render threads say to each other about a map being drawn. The rows of
// a layer travel in batches: their TWKB bytes in one buffer (transferred, not copied) with the offsets
// of each row, and their property values in one flat array.
import type { Highlights } from '../document-maps/highlights';
import type { ImageFormat } from '../ogc/wms/formats';
import type { Rgba } from '../ogc/wms/render/colors';
import type { VectorPlan } from '../ogc/wms/render/layer-plan';

/** What a thread is started with (its workerData). */
export interface RenderThreadData {
  /** its nice value (see RenderPoolOptions) */
  nice: number;
}

export interface CanvasSpec {
  width: number;
  height: number;
  /** null for a transparent background */
  background: Rgba | null;
  format: ImageFormat;
  /** a document's site and shapes, drawn over the layers and labels */
  highlights?: Highlights;
}

/** A layer of the map, in LAYERS order: the rows sent for `layer`, an imagery window, or nothing. */
export type JobLayer =
  | { kind: 'vector'; layer: number }
  /** `source`: the part of the image the map shows (x, y, width, height in its pixels); all of it when absent */
  | { kind: 'raster'; png: Uint8Array; source?: [number, number, number, number] }
  | { kind: 'empty' };

export interface RowBatch {
  type: 'rows';
  job: number;
  layer: number;
  /** each row's shape, then its label point (if any), back to back */
  bytes: Uint8Array;
  /** per row: where its shape ends, where its label point ends (equal: none) */
  ends: Uint32Array;
  /** `width` values a row */
  values: (string | null)[];
  width: number;
}

export type ToRenderThread =
  | { type: 'open'; job: number; layer: number; plan: VectorPlan }
  | RowBatch
  | { type: 'render'; job: number; layers: JobLayer[]; canvas: CanvasSpec }
  | { type: 'drop'; job: number };

export type FromRenderThread =
  { type: 'done'; job: number; image: Uint8Array } | { type: 'failed'; job: number; message: string };
