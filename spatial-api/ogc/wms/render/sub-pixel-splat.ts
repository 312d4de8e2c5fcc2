// Polygons smaller than a pixel (a city map of parcels) are not rasterised as paths: each adds its colour,
// weighted by its area, to the pixels at its centre, and the layer's splat is drawn as one image. The sum
// does not depend on the order the polygons arrive in (a pixel's colour is the coverage-weighted mean of
// theirs, its opacity what their coverages leave uncovered), so a map drawn from a generalised form of a
// layer, whose features come in another order, splats the same pixels.
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rgba } from './colors';

export class SubPixelSplat {
  /** per pixel: red, green and blue (0..1) times weight, and the weights' sum */
  private readonly weighted: Float32Array;
  /** per pixel: the share left uncovered, the product of (1 - weight) */
  private readonly uncovered: Float32Array;
  private touched = false;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.weighted = new Float32Array(width * height * 4);
    this.uncovered = new Float32Array(width * height).fill(1);
  }

  /**
   * Blends a colour into the pixels around (x, y), covering `coverage` (0..1) of a pixel in all, `count`
   * times: as many polygons of that coverage at that centre would (merged splats of a generalised form).
   */
  add(x: number, y: number, color: Rgba, coverage: number, count = 1): void {
    const fx = x - 0.5;
    const fy = y - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const wx = fx - x0;
    const wy = fy - y0;
    this.blend(x0, y0, color, coverage * (1 - wx) * (1 - wy), count);
    this.blend(x0 + 1, y0, color, coverage * wx * (1 - wy), count);
    this.blend(x0, y0 + 1, color, coverage * (1 - wx) * wy, count);
    this.blend(x0 + 1, y0 + 1, color, coverage * wx * wy, count);
  }

  private blend(x: number, y: number, color: Rgba, weight: number, count: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || weight <= 0) return;
    const a = color[3] * weight;
    const pixel = y * this.width + x;
    const i = pixel * 4;
    const w = this.weighted;
    const sum = a * count;
    w[i] = w[i]! + (color[0] / 255) * sum;
    w[i + 1] = w[i + 1]! + (color[1] / 255) * sum;
    w[i + 2] = w[i + 2]! + (color[2] / 255) * sum;
    w[i + 3] = w[i + 3]! + sum;
    const left = 1 - Math.min(1, a);
    this.uncovered[pixel] = this.uncovered[pixel]! * (count === 1 ? left : left ** count);
    this.touched = true;
  }

  /** Draws the accumulated colours over what the canvas holds. */
  drawOn(ctx: SKRSContext2D): void {
    if (!this.touched) return;
    const image = new ImageData(this.width, this.height);
    const out = image.data;
    const w = this.weighted;
    for (let pixel = 0; pixel < this.uncovered.length; pixel++) {
      const i = pixel * 4;
      const sum = w[i + 3]!;
      if (sum <= 0) continue;
      out[i] = Math.round((w[i]! / sum) * 255);
      out[i + 1] = Math.round((w[i + 1]! / sum) * 255);
      out[i + 2] = Math.round((w[i + 2]! / sum) * 255);
      out[i + 3] = Math.round((1 - this.uncovered[pixel]!) * 255);
    }
    const layer = createCanvas(this.width, this.height);
    layer.getContext('2d').putImageData(image, 0, 0);
    ctx.drawImage(layer, 0, 0);
  }
}
