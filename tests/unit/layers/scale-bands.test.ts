// A map is drawn from the coarsest generalisation band whose pixel is not larger than its own, so nothing
// it shows was simplified by more than a quarter of one of its pixels; finer maps read every feature.
import { bandFor, bandPixelDegrees, GENERALISED_BANDS } from '../../../layers';

describe('generalisation scale bands', () => {
  it('halves the pixel from one band to the next, zoom 8 being 360/256/256 degrees', () => {
    expect(bandPixelDegrees(8)).toBeCloseTo(360 / 256 / 256, 15);
    expect(bandPixelDegrees(13) * 2).toBeCloseTo(bandPixelDegrees(12), 15);
  });

  it("chooses the coarsest band not coarser than the map's pixel", () => {
    expect(bandFor(bandPixelDegrees(11), GENERALISED_BANDS)).toBe(11);
    expect(bandFor(bandPixelDegrees(11) * 1.9, GENERALISED_BANDS)).toBe(11);
    expect(bandFor(bandPixelDegrees(11) * 0.99, GENERALISED_BANDS)).toBe(12);
    // a whole region: the coarsest band there is
    expect(bandFor(1, GENERALISED_BANDS)).toBe(8);
  });

  it('has no band for maps finer than the finest band, nor among bands that were left out', () => {
    expect(bandFor(bandPixelDegrees(14) * 0.9, GENERALISED_BANDS)).toBeUndefined();
    expect(bandFor(bandPixelDegrees(12) * 1.5, [13, 14])).toBe(13);
    expect(bandFor(bandPixelDegrees(12) * 1.5, [8, 9])).toBeUndefined();
    expect(bandFor(bandPixelDegrees(12) * 1.5, [])).toBeUndefined();
  });
});
