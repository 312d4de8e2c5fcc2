// The figures of the workbench's status bar and print: 度分秒 without a 60″ carry error, the round scale-bar
// lengths, the 1:N of a screen, the printed scale from the ground size of a point, and Vincenty's distance on
// GRS80 against a published geodesic (a degree of longitude on the equator is a·π/180).
import { formatDms } from '../../../../map-client/src/tools/coordinates/formatDms';
import { scaleDenominator } from '../../../../map-client/src/tools/coordinates/scaleDenominator';
import { geodesicDistanceM } from '../../../../map-client/src/tools/measure/geodesicLength';
import { printScale, roundLength } from '../../../../prints';

it('writes degrees as 度分秒, carrying 59.999″ into the next minute', () => {
  expect(formatDms(87.6, 'E', 'W')).toBe('87°36′00.00″E');
  expect(formatDms(43.8251, 'N', 'S')).toBe('43°49′30.36″N');
  expect(formatDms(87.99999999, 'E', 'W')).toBe('88°00′00.00″E');
  expect(formatDms(-0.5, 'N', 'S')).toBe('0°30′00.00″S');
});

it('rounds scale-bar lengths down to 1, 2 or 5 × 10ᵏ', () => {
  expect([0.9, 1, 1.9, 2, 4.99, 5, 9.9, 120, 380, 7000].map(roundLength)).toEqual([
    0.5, 1, 1, 2, 2, 5, 5, 100, 200, 5000,
  ]);
});

it('gives the screen scale for 96 dpi and the printed scale for 72 points an inch', () => {
  expect(scaleDenominator(0.0254 / 96)).toBe(1);
  expect(scaleDenominator(3.447)).toBe(13_000);
  const scale = printScale(10, 140); // 10 m a point: 1 point is 1/72 inch
  // 10 / (0.0254 / 72) = 28 346.5, to three significant figures
  expect(scale.denominator).toBe(28_300);
  expect(scale.barMetres).toBe(1000);
  expect(scale.barPoints).toBeCloseTo(100, 9);
});

it('measures geodesics on GRS80', () => {
  expect(geodesicDistanceM([0, 0], [1, 0])).toBeCloseTo((6_378_137 * Math.PI) / 180, 3);
  // a meridian arc from the equator to 1°N on GRS80: 110 574.389 m (Geodetic Reference System 1980 tables)
  expect(geodesicDistanceM([87, 0], [87, 1])).toBeCloseTo(110_574.389, 1);
  expect(geodesicDistanceM([87.6, 43.8], [87.6, 43.8])).toBe(0);
});
