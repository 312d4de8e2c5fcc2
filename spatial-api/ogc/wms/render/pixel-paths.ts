// Pixel-space geometry onto canvas paths: rings oriented so that one path can hold many polygons with
// holes, lines, and the areas that decide whether a polygon is smaller than a pixel.
import type { Coordinates } from './twkb';
/** Where rings and lines go: a canvas Path2D or a PathText. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

export function signedArea(ring: Coordinates): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 2; i < n; i += 2)
    sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  return sum / 2;
}

/**
 * Adds rings with outer rings turning one way and holes the other, so that one path holding many
 * polygons fills with the non-zero rule: holes stay open and touching parcels do not cancel out.
 */
export function addPolygons(path: PathSink, polygons: Coordinates[][]): void {
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const n = ring.length / 2;
      if (n < 2) return;
      const reverse = signedArea(ring) > 0 !== (r === 0);
      for (let k = 0; k < n; k++) {
        const i = (reverse ? n - 1 - k : k) * 2;
        if (k === 0) path.moveTo(ring[i]!, ring[i + 1]!);
        else path.lineTo(ring[i]!, ring[i + 1]!);
      }
      path.closePath();
    });
  }
}

export function addLines(path: PathSink, lines: Coordinates[]): void {
  for (const line of lines) {
    for (let i = 0; i < line.length; i += 2) {
      if (i === 0) path.moveTo(line[i]!, line[i + 1]!);
      else path.lineTo(line[i]!, line[i + 1]!);
    }
  }
}

/** The area of polygons (outer rings less holes), in square pixels. */
export function polygonArea(polygons: Coordinates[][]): number {
  let area = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => (area += r === 0 ? Math.abs(signedArea(ring)) : -Math.abs(signedArea(ring))));
  }
  return Math.max(0, area);
}
