// Labels of the whole map, placed after all layers are drawn: centred on their anchor, skipped when they
// would overlap a label already placed (unless the style allows overlap) or leave the image.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TextPaint } from './style-rules';

export interface LabelCandidate {
  x: number;
  y: number;
  text: string;
  paint: TextPaint;
}

type Box = [number, number, number, number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function placeLabels(
  ctx: SKRSContext2D,
  labels: LabelCandidate[],
  width: number,
  height: number,
): void {
  const placed: Box[] = [];
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const label of labels) {
    ctx.font = label.paint.font;
    const metrics = ctx.measureText(label.text);
    const halfW = metrics.width / 2 + (label.paint.halo?.width ?? 0) + 1;
    const halfH =
      (metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent) / 2 +
      (label.paint.halo?.width ?? 0) +
      1;
    const box: Box = [label.x - halfW, label.y - halfH, label.x + halfW, label.y + halfH];
    if (box[2] < 0 || box[3] < 0 || box[0] > width || box[1] > height) continue;
    if (!label.paint.allowOverlap && placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
    if (label.paint.halo) {
      ctx.strokeStyle = label.paint.halo.color;
      ctx.lineWidth = label.paint.halo.width * 2;
      ctx.lineJoin = 'round';
      ctx.strokeText(label.text, label.x, label.y);
    }
    ctx.fillStyle = label.paint.color;
    ctx.fillText(label.text, label.x, label.y);
  }
}
