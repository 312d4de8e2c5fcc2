// A grid index of the edges of a shape, to tell quickly whether a small box is crossed by the shape's
// boundary; only such boxes need real polygon clipping.
import type { Shape } from './clip';
import { pointInPolygons, type Point } from './plane';

type Box = [number, number, number, number];

export class SegmentIndex {
  private readonly cells = new Map<string, Box[]>();

  constructor(
    private readonly shape: Shape,
    private readonly cellSize = 500,
  ) {
    for (const rings of shape) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as Point;
          const [x2, y2] = ring[i + 1] as Point;
          const box: Box = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
          this.forCells(box, (key) => {
            const list = this.cells.get(key);
            if (list) list.push(box);
            else this.cells.set(key, [box]);
          });
        }
      }
    }
  }

  private forCells(box: Box, visit: (key: string) => void): void {
    const s = this.cellSize;
    for (let cx = Math.floor(box[0] / s); cx <= Math.floor(box[2] / s); cx++) {
      for (let cy = Math.floor(box[1] / s); cy <= Math.floor(box[3] / s); cy++) visit(`${cx},${cy}`);
    }
  }

  /** Whether some boundary edge's bounding box overlaps `box` (a conservative test). */
  touches(box: Box): boolean {
    let hit = false;
    this.forCells(box, (key) => {
      if (hit) return;
      hit = (this.cells.get(key) ?? []).some(
        (b) => b[0] <= box[2] && box[0] <= b[2] && b[1] <= box[3] && box[1] <= b[3],
      );
    });
    return hit;
  }

  contains(point: Point): boolean {
    return pointInPolygons(point, this.shape);
  }
}
