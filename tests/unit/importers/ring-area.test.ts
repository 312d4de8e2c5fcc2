// The one shoelace area, used by the boundary-coordinate area checks and the sample-city generator.
import { signedRingArea } from '../../../importers/geometry/ring-area';
import { polygonArea } from '../../../importers/sample-city/plane';

/** A 100 m × 50 m rectangle, counter-clockwise, with its south-west corner at (x, y). */
const rectangle = (x: number, y: number): [number, number][] => [
  [x, y],
  [x + 100, y],
  [x + 100, y + 50],
  [x, y + 50],
  [x, y],
];

describe('signedRingArea', () => {
  it('is positive counter-clockwise and negative clockwise', () => {
    expect(signedRingArea(rectangle(0, 0))).toBe(5000);
    expect(signedRingArea(rectangle(0, 0).reverse())).toBe(-5000);
  });

  it('keeps the square metres at zone-prefixed Gauss-Krüger coordinates', () => {
    // products of 29,548,012 m by 4,851,223 m taken raw lose about a thousandth of a square metre here
    const parcel: [number, number][] = [
      [29_548_012.345, 4_851_223.678],
      [29_548_112.391, 4_851_227.012],
      [29_548_109.777, 4_851_290.123],
      [29_548_020.5, 4_851_283.9],
      [29_548_012.345, 4_851_223.678],
    ];
    // exact, from the millimetre coordinates in integer arithmetic
    expect(signedRingArea(parcel)).toBeCloseTo(5824.2045555, 5);
  });

  it('is the area the sample-city plane geometry uses, holes subtracted', () => {
    const hole = rectangle(10, 10).map(([x, y]): [number, number] => [x / 10 + 10, y / 10 + 10]);
    expect(polygonArea([rectangle(0, 0), hole])).toBeCloseTo(5000 - 50, 9);
  });

  it('is zero for a ring of fewer than three points', () => {
    expect(signedRingArea([])).toBe(0);
    expect(signedRingArea([[1, 2]])).toBe(0);
  });
});
