// The kind of coordinates most features of a file have. The CRS is decided from this bulk rather than
// from the extent of the whole file, so that one feature far off does not hide the CRS of all the others:
// that feature is then reported on its own as out of range.
import {
  looksGeographic,
  looksUnprefixedGaussKruger,
  looksWebMercator,
  prefixedZone,
  unionOf,
  type Extent,
} from './coordinate-ranges';

export type CoordinateKind =
  | { kind: 'geographic' }
  | { kind: 'prefixed'; zone: number }
  | { kind: 'unprefixed' }
  | { kind: 'webMercator' }
  | { kind: 'unknown' };

/** What the coordinates of one extent look like, in the order a missing CRS is guessed. */
export function coordinateKind(e: Extent): CoordinateKind {
  if (looksGeographic(e)) return { kind: 'geographic' };
  const zone = prefixedZone(e);
  if (zone !== undefined) return { kind: 'prefixed', zone };
  if (looksUnprefixedGaussKruger(e)) return { kind: 'unprefixed' };
  if (looksWebMercator(e)) return { kind: 'webMercator' };
  return { kind: 'unknown' };
}

export interface Bulk {
  kind: CoordinateKind;
  /** the extent of the features of that kind */
  extent: Extent;
  features: number;
}

const keyOf = (k: CoordinateKind) => (k.kind === 'prefixed' ? `prefixed:${k.zone}` : k.kind);

/**
 * The kind shared by at least half of the features, with the extent of those features; undefined when
 * no kind is (the features are scattered over several kinds, or there are none).
 */
export function bulkOf(extents: Extent[]): Bulk | undefined {
  const groups = new Map<string, { kind: CoordinateKind; extents: Extent[] }>();
  for (const extent of extents) {
    const kind = coordinateKind(extent);
    const group = groups.get(keyOf(kind)) ?? { kind, extents: [] };
    group.extents.push(extent);
    groups.set(keyOf(kind), group);
  }
  const largest = [...groups.values()].sort((a, b) => b.extents.length - a.extents.length)[0];
  if (!largest || largest.extents.length * 2 < extents.length) return undefined;
  const second = [...groups.values()].filter(
    (g) => g !== largest && g.extents.length === largest.extents.length,
  );
  if (second.length > 0) return undefined;
  return { kind: largest.kind, extent: unionOf(largest.extents) as Extent, features: largest.extents.length };
}
