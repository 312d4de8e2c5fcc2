// Draws a map image: background, layers in LAYERS order (the first at the bottom, WMS 1.3.0 7.3.3.3),
// imagery windows and vector painters, labels on top; encoded as PNG, JPEG or WebP.
import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { ImageFormat } from '../formats';
import { cssColor, type Rgba } from './colors';
import { placeLabels, type LabelCandidate } from './label-placer';
import { encodeImage } from './encode-image';
import type { LayerPainter } from './style-painter';

export type DrawnLayer =
  | { kind: 'vector'; painter: LayerPainter }
  /** `source`: the part of the image the map shows (x, y, width, height in its pixels); all of it when absent */
  | { kind: 'raster'; png: Buffer; source?: [number, number, number, number] }
  | { kind: 'empty' };

export interface CanvasOptions {
  width: number;
  height: number;
  /** null for a transparent background */
  background: Rgba | null;
  format: ImageFormat;
  /** drawn over the layers and labels before the image is encoded */
  overlay?: (ctx: SKRSContext2D) => void;
}

export async function renderMap(layers: DrawnLayer[], options: CanvasOptions): Promise<Buffer> {
  const canvas = createCanvas(options.width, options.height);
  const ctx = canvas.getContext('2d');
  const background = options.background ?? (options.format.alpha ? null : ([255, 255, 255, 1] as Rgba));
  if (background) {
    ctx.fillStyle = cssColor(background);
    ctx.fillRect(0, 0, options.width, options.height);
  }
  const labels: LabelCandidate[] = [];
  // an imagery window named several times in LAYERS is one buffer, decoded once
  const decoded = new Map<Buffer, Promise<Image>>();
  for (const layer of layers) {
    if (layer.kind === 'raster') {
      const image = decoded.get(layer.png) ?? loadImage(layer.png);
      decoded.set(layer.png, image);
      if (layer.source) ctx.drawImage(await image, ...layer.source, 0, 0, options.width, options.height);
      else ctx.drawImage(await image, 0, 0, options.width, options.height);
    } else if (layer.kind === 'vector') layer.painter.paint(ctx, labels);
  }
  placeLabels(ctx, labels, options.width, options.height);
  options.overlay?.(ctx);
  return encodeImage(canvas, options.format, background !== null);
}
