// One map on a render thread: a painter per vector layer fed the batches of rows as they come, then the
// whole map painted (a document's highlights on top), read back and encoded (render/canvas-renderer.ts)
// when the server asks for it.
import { drawHighlights } from '../document-maps/highlights';
import { renderMap, type DrawnLayer } from '../ogc/wms/render/canvas-renderer';
import type { FeatureRowSink } from '../ogc/wms/render/feature-decoder';
import { planPainter, type VectorPlan } from '../ogc/wms/render/layer-plan';
import type { LayerPainter } from '../ogc/wms/render/style-painter';
import type { CanvasSpec, JobLayer, RowBatch } from './messages';

export class ThreadJob {
  private readonly layers = new Map<number, { painter: LayerPainter; sink: FeatureRowSink }>();
  dropped = false;

  open(layer: number, plan: VectorPlan): void {
    this.layers.set(layer, planPainter(plan));
  }

  addRows(batch: RowBatch): void {
    const target = this.layers.get(batch.layer);
    if (!target) return;
    const { bytes, ends, values, width } = batch;
    let start = 0;
    for (let row = 0; row < ends.length / 2; row++) {
      const shapeEnd = ends[2 * row]!;
      const labelEnd = ends[2 * row + 1]!;
      target.sink(
        bytes.subarray(start, shapeEnd),
        labelEnd > shapeEnd ? bytes.subarray(shapeEnd, labelEnd) : null,
        values.slice(row * width, (row + 1) * width),
      );
      start = labelEnd;
    }
  }

  render(layers: JobLayer[], canvas: CanvasSpec): Promise<Buffer> {
    // an imagery window named several times in LAYERS arrives as one array: kept one buffer, decoded once
    const buffers = new Map<Uint8Array, Buffer>();
    const drawn = layers.map((layer): DrawnLayer => {
      if (layer.kind === 'empty') return layer;
      if (layer.kind === 'vector') {
        const painter = this.layers.get(layer.layer)?.painter;
        return painter ? { kind: 'vector', painter } : { kind: 'empty' };
      }
      const png =
        buffers.get(layer.png) ?? Buffer.from(layer.png.buffer, layer.png.byteOffset, layer.png.byteLength);
      buffers.set(layer.png, png);
      return { kind: 'raster', png, ...(layer.source ? { source: layer.source } : {}) };
    });
    this.layers.clear();
    const { highlights, ...options } = canvas;
    return renderMap(drawn, {
      ...options,
      ...(highlights
        ? { overlay: (ctx) => drawHighlights(ctx, highlights.frame, highlights.site, highlights.shapes) }
        : {}),
    });
  }
}
