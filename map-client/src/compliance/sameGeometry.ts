// Whether two polygons are the same site, allowing for the rounding a trip through the map's projection
// adds (1e-8° is about a millimetre).
import type { MultiPolygon, Polygon, Position } from 'geojson';

const TOLERANCE_DEG = 1e-8;

function rings(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function sameGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const pa = rings(a);
  const pb = rings(b);
  if (pa.length !== pb.length) return false;
  return pa.every((polygon, i) => {
    const other = pb[i]!;
    if (polygon.length !== other.length) return false;
    return polygon.every((ring, j) => {
      const otherRing = other[j]!;
      if (ring.length !== otherRing.length) return false;
      return ring.every(
        (p, k) =>
          Math.abs(p[0]! - otherRing[k]![0]!) <= TOLERANCE_DEG &&
          Math.abs(p[1]! - otherRing[k]![1]!) <= TOLERANCE_DEG,
      );
    });
  });
}
