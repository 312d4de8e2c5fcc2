// Polygons smaller than a pixel (a city map of parcels) are not rasterised as paths: each adds its colour,
// weighted by its area, to the pixels at its centre, and the layer's splat is drawn as one image.
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rgba } from './colors';

export class SubPixelSplat {
  /** premultiplied RGBA, 0..1 */
  private readonly rgba: Float32Array;
  private touched = false;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgba = new Float32Array(width * height * 4);
  }

  /** Blends a colour over the pixels around (x, y), covering `coverage` (0..1) of a pixel in all. */
  add(x: number, y: number, color: Rgba, coverage: number): void {
    const fx = x - 0.5;
    const fy = y - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const wx = fx - x0;
    const wy = fy - y0;
    this.blend(x0, y0, color, coverage * (1 - wx) * (1 - wy));
    this.blend(x0 + 1, y0, color, coverage * wx * (1 - wy));
    this.blend(x0, y0 + 1, color, coverage * (1 - wx) * wy);
    this.blend(x0 + 1, y0 + 1, color, coverage * wx * wy);
  }

  private blend(x: number, y: number, color: Rgba, weight: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || weight <= 0) return;
    const a = color[3] * weight;
    const i = (y * this.width + x) * 4;
    const keep = 1 - a;
    const p = this.rgba;
    p[i] = (color[0] / 255) * a + p[i]! * keep;
    p[i + 1] = (color[1] / 255) * a + p[i + 1]! * keep;
    p[i + 2] = (color[2] / 255) * a + p[i + 2]! * keep;
    p[i + 3] = a + p[i + 3]! * keep;
    this.touched = true;
  }

  /** Draws the accumulated colours over what the canvas holds. */
  drawOn(ctx: SKRSContext2D): void {
    if (!this.touched) return;
    const image = new ImageData(this.width, this.height);
    const out = image.data;
    const p = this.rgba;
    for (let i = 0; i < p.length; i += 4) {
      const a = p[i + 3]!;
      if (a <= 0) continue;
      out[i] = Math.round((p[i]! / a) * 255);
      out[i + 1] = Math.round((p[i + 1]! / a) * 255);
      out[i + 2] = Math.round((p[i + 2]! / a) * 255);
      out[i + 3] = Math.round(a * 255);
    }
    const layer = createCanvas(this.width, this.height);
    layer.getContext('2d').putImageData(image, 0, 0);
    ctx.drawImage(layer, 0, 0);
  }
}
