// The plane area of a ring by the shoelace formula, for coordinates in metres (a Gauss-Krüger zone, the
// sample city's local frame). Taken about the ring's first vertex: zone-prefixed eastings (29,548,012 m)
// times northings (4,851,223 m) are too large to multiply raw without losing the square metres.
export type PlanePoint = readonly [number, number];

/** Signed area in the units squared: positive for a counter-clockwise ring (x east, y north). */
export function signedRingArea(ring: readonly PlanePoint[]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [xa, ya] = ring[i]!;
    const [xb, yb] = ring[i + 1]!;
    twice += (xa - x0) * (yb - y0) - (xb - x0) * (ya - y0);
  }
  return twice / 2;
}
