// The Taylor series the TWKB decoder projects latitudes with agrees with the exact Web Mercator formula
// to well under a millimetre, along outlines walked vertex by vertex, across jumps, south of the equator
// and at the projection's limit.
import { MercatorSeries } from '../../../spatial-api/ogc/wms/render/mercator-series';
import { webMercatorY } from '../../../spatial-api/ogc/wms/render/twkb';

/** A repeatable sequence in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('MercatorSeries', () => {
  it('follows outlines walked in small steps within a micrometre per ten kilometres of walk', () => {
    const series = new MercatorSeries(webMercatorY);
    const next = random(7);
    let lat = 43.5;
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      lat += (next() - 0.5) * 0.002;
      worst = Math.max(worst, Math.abs(series.y(lat) - webMercatorY(lat)));
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('is exact where it centres again after a jump, and far from the city', () => {
    const series = new MercatorSeries(webMercatorY);
    for (const lat of [43.8, 20.1, -33.9, 0, 43.8005, 79.9, -79.9]) {
      expect(Math.abs(series.y(lat) - webMercatorY(lat))).toBeLessThan(1e-4);
    }
  });

  it('hands latitudes beyond 80° and the projection limit to the exact formula', () => {
    const series = new MercatorSeries(webMercatorY);
    for (const lat of [80, 84.9, 85.0511287798, 89, -90]) expect(series.y(lat)).toBe(webMercatorY(lat));
  });

  it('is continuous: a vertex on either side of where the series centres again differs as the formula does', () => {
    const series = new MercatorSeries(webMercatorY);
    const step = 0.057;
    let lat = 40;
    for (let i = 0; i < 100; i++) {
      const a = series.y(lat);
      const b = series.y(lat + step);
      expect(Math.abs(b - a - (webMercatorY(lat + step) - webMercatorY(lat)))).toBeLessThan(1e-4);
      lat += step;
    }
  });
});
