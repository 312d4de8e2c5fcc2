// What coordinates look like in each kind of CRS used in China, to guess a missing CRS and to catch a
// declared one that contradicts the data. Ranges cover China with a margin.
import type { Geometry } from 'geojson';

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** An extent as text for messages: metres whole, degrees to six places. */
export function describeExtent(e: Extent): string {
  const f = (n: number) => (Math.abs(n) >= 1000 ? n.toFixed(0) : n.toFixed(6));
  return `(${f(e.minX)}, ${f(e.minY)}) - (${f(e.maxX)}, ${f(e.maxY)})`;
}

const within = (value: number, min: number, max: number) => value >= min && value <= max;

export function looksGeographic(e: Extent): boolean {
  return within(e.minX, 70, 140) && within(e.maxX, 70, 140) && within(e.minY, 0, 56) && within(e.maxY, 0, 56);
}

/** Gauss-Krüger northing in China (metres from the equator). */
const looksNorthing = (min: number, max: number) =>
  within(min, 1_500_000, 6_300_000) && within(max, 1_500_000, 6_300_000);

/** The zone number carried in front of the easting (e.g. 29 in 29548285), or undefined. */
export function prefixedZone(e: Extent): number | undefined {
  const zone = Math.floor(e.minX / 1_000_000);
  if (zone !== Math.floor(e.maxX / 1_000_000)) return undefined;
  const inZone = (x: number) => within(x - zone * 1_000_000, 200_000, 800_000);
  const plausible = (zone >= 13 && zone <= 23) || (zone >= 25 && zone <= 45);
  return plausible && inZone(e.minX) && inZone(e.maxX) && looksNorthing(e.minY, e.maxY) ? zone : undefined;
}

export function looksUnprefixedGaussKruger(e: Extent): boolean {
  return (
    within(e.minX, 200_000, 800_000) && within(e.maxX, 200_000, 800_000) && looksNorthing(e.minY, e.maxY)
  );
}

export function looksWebMercator(e: Extent): boolean {
  return (
    within(e.minX, 7_800_000, 15_600_000) &&
    within(e.maxX, 7_800_000, 15_600_000) &&
    within(e.minY, 0, 7_600_000) &&
    within(e.maxY, 0, 7_600_000)
  );
}

/** The extent of a GeoJSON geometry's finite coordinates (null when it has none: null, empty) and its vertices. */
export function geometrySummary(geometry: Geometry | null | undefined): {
  extent: Extent | null;
  vertices: number;
} {
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  let vertices = 0;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      vertices++;
      const [x, y] = value as number[];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        e.minX = Math.min(e.minX, x as number);
        e.minY = Math.min(e.minY, y as number);
        e.maxX = Math.max(e.maxX, x as number);
        e.maxY = Math.max(e.maxY, y as number);
      }
      return;
    }
    for (const item of value) visit(item);
  };
  const walk = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
    else visit(g.coordinates);
  };
  if (geometry) walk(geometry);
  return { extent: Number.isFinite(e.minX) ? e : null, vertices };
}

/** The extent of a GeoJSON geometry's finite coordinates, or null when it has none (null, empty). */
export function geometryExtent(geometry: Geometry | null | undefined): Extent | null {
  return geometrySummary(geometry).extent;
}

/** The extent covering all the given extents. */
export function unionOf(extents: Extent[]): Extent | null {
  if (extents.length === 0) return null;
  return extents.reduce((a, b) => ({
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }));
}
