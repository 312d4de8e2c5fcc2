// Splatting polygons under a pixel: a merged splat (a generalised form's point standing for several
// features of one class) paints what those features, splatted one by one at its centre, would.
import { createCanvas } from '@napi-rs/canvas';
import { SubPixelSplat } from '../../../spatial-api/ogc/wms/render/sub-pixel-splat';
import type { Rgba } from '../../../spatial-api/ogc/wms/render/colors';

function pixels(splat: SubPixelSplat): number[] {
  const canvas = createCanvas(splat.width, splat.height);
  const ctx = canvas.getContext('2d');
  splat.drawOn(ctx);
  return [...ctx.getImageData(0, 0, splat.width, splat.height).data];
}

const ORANGE: Rgba = [255, 160, 0, 0.8];
const TEAL: Rgba = [0, 128, 128, 1];

it('paints a splat of n features as n splats of one at the same centre', () => {
  const one = new SubPixelSplat(4, 4);
  for (let i = 0; i < 37; i++) one.add(1.7, 2.2, ORANGE, 0.02);
  one.add(2.1, 1.9, TEAL, 0.3);
  const merged = new SubPixelSplat(4, 4);
  merged.add(1.7, 2.2, ORANGE, 0.02, 37);
  merged.add(2.1, 1.9, TEAL, 0.3);
  const a = pixels(one);
  const b = pixels(merged);
  expect(a.some((v) => v > 0)).toBe(true);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1);
});

it('leaves a pixel partly uncovered by many small features as their coverages compound', () => {
  const splat = new SubPixelSplat(1, 1);
  // 100 features of 1 % each at the pixel's centre: 1 - 0.99¹⁰⁰ of it covered, not all of it
  splat.add(0.5, 0.5, TEAL, 0.01, 100);
  const alpha = pixels(splat)[3]!;
  expect(alpha).toBe(Math.round((1 - 0.99 ** 100) * 255));
});
