// The well-known mark shapes of GeoStyler Mark symbolizers (circle, square, triangle, star, cross, x,
// diamond) added to a path at a point, with the symbolizer's radius and rotation.
import type { Path2D } from '@napi-rs/canvas';
import type { MarkPaint } from './style-rules';

const STAR_POINTS = 5;

export function addMark(path: Path2D, mark: MarkPaint, x: number, y: number): void {
  const r = mark.radius;
  const turn = (mark.rotateDeg * Math.PI) / 180;
  const polygon = (corners: [number, number][]) => {
    corners.forEach(([dx, dy], i) => {
      const px = x + dx * Math.cos(turn) - dy * Math.sin(turn);
      const py = y + dx * Math.sin(turn) + dy * Math.cos(turn);
      if (i === 0) path.moveTo(px, py);
      else path.lineTo(px, py);
    });
    path.closePath();
  };
  const segments = (pairs: [number, number, number, number][]) => {
    for (const [x1, y1, x2, y2] of pairs) {
      path.moveTo(x + x1, y + y1);
      path.lineTo(x + x2, y + y2);
    }
  };
  switch (mark.shape) {
    case 'square':
    case 'shape://dot':
      polygon([
        [-r, -r],
        [r, -r],
        [r, r],
        [-r, r],
      ]);
      return;
    case 'diamond':
      polygon([
        [0, -r],
        [r, 0],
        [0, r],
        [-r, 0],
      ]);
      return;
    case 'triangle':
    case 'equilateral_triangle':
      polygon([
        [0, -r],
        [r * 0.866, r * 0.5],
        [-r * 0.866, r * 0.5],
      ]);
      return;
    case 'star':
      polygon(
        Array.from({ length: STAR_POINTS * 2 }, (_, i) => {
          const a = (i * Math.PI) / STAR_POINTS - Math.PI / 2;
          const d = i % 2 === 0 ? r : r * 0.4;
          return [d * Math.cos(a), d * Math.sin(a)] as [number, number];
        }),
      );
      return;
    case 'cross':
    case 'shape://plus':
      segments([
        [-r, 0, r, 0],
        [0, -r, 0, r],
      ]);
      return;
    case 'x':
    case 'shape://times':
      segments([
        [-r, -r, r, r],
        [-r, r, r, -r],
      ]);
      return;
    default:
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, Math.PI * 2);
      path.closePath();
  }
}
