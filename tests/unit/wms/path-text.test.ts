// Paths written as SVG path text draw the same pixels as paths built call by call, wherever the vertices
// lie (negative, fractional, repeated), and a copied range is the same shape again.
import { createCanvas, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { PathText } from '../../../spatial-api/ogc/wms/render/path-text';

const SIZE = 64;

type Ring = [number, number][];

function pixels(draw: (ctx: SKRSContext2D) => void) {
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  draw(ctx);
  return ctx.getImageData(0, 0, SIZE, SIZE).data;
}

function build<
  T extends { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; closePath(): void },
>(sink: T, rings: Ring[]): T {
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? sink.moveTo(x, y) : sink.lineTo(x, y)));
    sink.closePath();
  }
  return sink;
}

function maxDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

const rings: Ring[] = [
  [
    [-5.25, -3.5],
    [30.0625, 2.125],
    [30.0625, 2.125],
    [20.5, 40.75],
  ],
  [
    [40, 40],
    [70.5, 41],
    [60.25, 63.9375],
  ],
  [
    [10, 50],
    [14, 50],
    [14, 54],
    [10, 54],
  ],
];

describe('path text', () => {
  it('fills and strokes the same pixels as moveTo / lineTo', () => {
    const direct = build(new Path2D(), rings);
    const text = build(new PathText(), rings).toPath2D();
    for (const paint of [
      (ctx: SKRSContext2D, path: Path2D) => {
        ctx.fillStyle = '#c03';
        ctx.fill(path);
      },
      (ctx: SKRSContext2D, path: Path2D) => {
        ctx.strokeStyle = '#036';
        ctx.lineWidth = 1.5;
        ctx.stroke(path);
      },
    ]) {
      const a = pixels((ctx) => paint(ctx, direct));
      const b = pixels((ctx) => paint(ctx, text));
      expect(a.some((v) => v > 0)).toBe(true);
      // vertices are rounded to 1/16 px: anti-aliased edges may differ by a few levels, no more
      expect(maxDifference(a, b)).toBeLessThanOrEqual(24);
    }
  });

  it('keeps the bounds of the vertices, to the sixteenth of a pixel', () => {
    const path = build(new PathText(), rings).toPath2D();
    expect(path.getBounds()).toEqual([-5.25, -3.5, 70.5, 63.9375]);
  });

  it('grows past its first buffer and copies a range that starts with a moveTo', () => {
    const many = new PathText();
    const squares: Ring[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = (i % 60) - 0.5;
      const y = Math.floor(i / 60) - 0.5;
      squares.push([
        [x, y],
        [x + 0.8, y],
        [x + 0.8, y + 0.8],
        [x, y + 0.8],
      ]);
    }
    build(many, squares.slice(0, 2000));
    const start = many.mark;
    build(many, squares.slice(2000));
    const copy = new PathText();
    copy.copyFrom(many, start);
    expect(many.toPath2D().getBounds()).toEqual([-0.5, -0.5, 59.3, 49.3].map((v) => Math.round(v * 16) / 16));
    expect(copy.toPath2D().getBounds()).toEqual([-0.5, 32.5, 59.3, 49.3].map((v) => Math.round(v * 16) / 16));
    const direct = build(new Path2D(), squares.slice(2000));
    const drawn = (path: Path2D) =>
      pixels((ctx) => {
        ctx.fillStyle = '#080';
        ctx.fill(path);
      });
    expect(maxDifference(drawn(direct), drawn(copy.toPath2D()))).toBeLessThanOrEqual(24);
  });

  it('makes an empty path when nothing was written', () => {
    const text = new PathText();
    expect(text.empty).toBe(true);
    expect(
      text
        .toPath2D()
        .getBounds()
        .every((v) => v === 0 || !Number.isFinite(v)),
    ).toBe(true);
  });
});
