// A drawn canvas as the image format asked for: PNG by our encoder (render/png-encoder.ts), JPEG and WebP
// by the canvas's own at quality 90. One place for maps, exception images and legends.
import type { Canvas } from '@napi-rs/canvas';
import type { ImageFormat } from '../formats';
import { encodePng } from './png-encoder';

const QUALITY = 90;

/** `opaque`: every pixel is covered (a background was painted), so a PNG needs no alpha channel. */
export async function encodeImage(canvas: Canvas, format: ImageFormat, opaque: boolean): Promise<Buffer> {
  if (format.encoder !== 'png') return canvas.encode(format.encoder, QUALITY);
  const { width, height } = canvas;
  return encodePng(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height, opaque);
}
