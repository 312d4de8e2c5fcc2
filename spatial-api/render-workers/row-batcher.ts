// Gathers a layer's rows on the server's thread into batches for its render thread: the bytes of each
// row's TWKB copied into one growing buffer, sent (transferred) when it is full or the layer is read.
import type { FeatureRowSink } from '../ogc/wms/render/feature-decoder';
import type { RowBatch } from './messages';

/** About this many bytes a batch: a few hundred messages for a city map, each quick to build and send. */
const BATCH_BYTES = 256 * 1024;
const BATCH_ROWS = 4096;

export class RowBatcher {
  private bytes = new Uint8Array(BATCH_BYTES);
  private length = 0;
  private ends: number[] = [];
  private values: (string | null)[] = [];
  private width = 0;

  constructor(
    private readonly job: number,
    private readonly layer: number,
    private readonly send: (batch: RowBatch) => void,
  ) {}

  readonly add: FeatureRowSink = (shape, labelAt, values) => {
    const size = shape.length + (labelAt?.length ?? 0);
    if (this.length + size > this.bytes.length || this.ends.length >= 2 * BATCH_ROWS) this.flush();
    if (size > this.bytes.length) this.bytes = new Uint8Array(size);
    this.bytes.set(shape, this.length);
    this.length += shape.length;
    this.ends.push(this.length);
    if (labelAt) {
      this.bytes.set(labelAt, this.length);
      this.length += labelAt.length;
    }
    this.ends.push(this.length);
    this.width = values.length;
    for (const value of values) this.values.push(value);
  };

  /** Sends the rows gathered so far, if any. */
  flush(): void {
    if (this.ends.length === 0) return;
    const bytes = this.bytes.slice(0, this.length);
    this.send({
      type: 'rows',
      job: this.job,
      layer: this.layer,
      bytes,
      ends: Uint32Array.from(this.ends),
      values: this.values,
      width: this.width,
    });
    this.length = 0;
    this.ends = [];
    this.values = [];
  }
}
