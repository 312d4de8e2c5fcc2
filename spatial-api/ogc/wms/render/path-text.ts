// Builds a canvas path for many features as SVG path data, written byte by byte: a district map holds half
// a million vertices, and one Path2D call per vertex (moveTo / lineTo) costs several times more than
// writing them as text that Skia parses in one call. Coordinates are whole sixteenths of a pixel, each
// vertex relative to the one before, and repeated vertices are left out.
import { Path2D } from '@napi-rs/canvas';

/** Sub-pixel steps per pixel: 1/16 px is finer than anti-aliasing shows. */
const STEPS = 16;
const M = 0x4d;
const L_RELATIVE = 0x6c;
const Z = 0x5a;
const SPACE = 0x20;
const MINUS = 0x2d;
const ZERO = 0x30;
/** the most bytes one command can take: a letter and two signed 10-digit numbers with their spaces */
const MAX_COMMAND_BYTES = 24;

export class PathText {
  private bytes = new Uint8Array(4096);
  private length = 0;
  /** the pen, in steps */
  private x = 0;
  private y = 0;
  private lineOpen = false;

  get empty(): boolean {
    return this.length === 0;
  }

  moveTo(x: number, y: number): void {
    this.reserve(MAX_COMMAND_BYTES);
    this.x = Math.round(x * STEPS);
    this.y = Math.round(y * STEPS);
    this.bytes[this.length++] = M;
    this.writeInt(this.x);
    this.bytes[this.length++] = SPACE;
    this.writeInt(this.y);
    this.lineOpen = false;
  }

  lineTo(x: number, y: number): void {
    const nx = Math.round(x * STEPS);
    const ny = Math.round(y * STEPS);
    if (nx === this.x && ny === this.y) return;
    this.reserve(MAX_COMMAND_BYTES);
    // after the first relative lineTo the letter may be left out (SVG 1.1, 8.3.2)
    this.bytes[this.length++] = this.lineOpen ? SPACE : L_RELATIVE;
    this.lineOpen = true;
    this.writeInt(nx - this.x);
    this.bytes[this.length++] = SPACE;
    this.writeInt(ny - this.y);
    this.x = nx;
    this.y = ny;
  }

  closePath(): void {
    this.reserve(1);
    this.bytes[this.length++] = Z;
    this.lineOpen = false;
  }

  /** Where the next command will be written, for `copyFrom`. */
  get mark(): number {
    return this.length;
  }

  /** Appends what `other` wrote from its mark `start` on (which began with a moveTo). */
  copyFrom(other: PathText, start: number): void {
    const count = other.length - start;
    this.reserve(count);
    this.bytes.set(other.bytes.subarray(start, other.length), this.length);
    this.length += count;
    this.x = other.x;
    this.y = other.y;
    this.lineOpen = other.lineOpen;
  }

  /** The canvas path, in pixels. */
  toPath2D(): Path2D {
    if (this.length === 0) return new Path2D();
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
    return new Path2D(text).transform({ a: 1 / STEPS, b: 0, c: 0, d: 1 / STEPS, e: 0, f: 0 });
  }

  private writeInt(value: number): void {
    const out = this.bytes;
    let v = value;
    if (v < 0) {
      out[this.length++] = MINUS;
      v = -v;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    do {
      out[--at] = ZERO + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
