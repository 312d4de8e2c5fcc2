// The CRS of a file follows the bulk of its features, or its format where the format fixes it; one
// feature far off neither decides it nor refuses the file.
import { decideCrs, fitsCrs } from '../../../importers/crs/decide-crs';
import type { Extent } from '../../../importers/crs/coordinate-ranges';
import { ImportError } from '../../../importers';

const box = (x: number, y: number, size: number): Extent => ({
  minX: x,
  minY: y,
  maxX: x + size,
  maxY: y + size,
});
/** parcels around Ürümqi in longitude/latitude and in EPSG:4538 (unprefixed, central meridian 87°E) */
const lonLat = (n: number) => Array.from({ length: n }, (_, i) => box(87.55 + i * 0.003, 43.78, 0.001));
const gk = (n: number) => Array.from({ length: n }, (_, i) => box(548_000 + i * 300, 4_850_000, 100));
const FAR = box(200, 43.8, 0.001);
const base = { declarationPresent: false, cityCentralMeridian: 87 };

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('deciding the CRS', () => {
  it('guesses from the bulk of the features when one lies far off', () => {
    expect(decideCrs({ ...base, extents: [...gk(7), box(5e9, 4_850_000, 100)] })).toMatchObject({
      code: 'EPSG:4538',
      how: 'guessed',
    });
    expect(decideCrs({ ...base, extents: [...lonLat(7), FAR] })).toMatchObject({
      code: 'EPSG:4490',
      how: 'guessed',
    });
  });

  it('takes the CRS a format fixes, and the outlier does not fit it', () => {
    const fixedByFormat = { code: 'EPSG:4326', format: 'GeoJSON', note: 'RFC 7946' };
    const decision = decideCrs({ ...base, fixedByFormat, extents: [...lonLat(7), FAR] });
    expect(decision).toMatchObject({ code: 'EPSG:4326', how: 'format' });
    expect(fitsCrs(decision.code, FAR)).toBe(false);
    expect(fitsCrs(decision.code, lonLat(1)[0]!)).toBe(true);
  });

  it('refuses a file of a fixed format most of whose coordinates are not its CRS, naming the CRS they look like', () => {
    const fixedByFormat = { code: 'EPSG:4326', format: 'GeoJSON', note: 'RFC 7946' };
    const error = refusal(() => decideCrs({ ...base, fixedByFormat, extents: [...gk(5), ...lonLat(1)] }));
    expect(error.code).toBe('crs_not_detected');
    expect(error.message).toContain('EPSG:4538');
  });

  it('keeps a declared CRS that most features fit, and refuses one that most do not', () => {
    expect(
      decideCrs({ ...base, declarationPresent: true, declaredEpsg: 4538, extents: [...gk(3), FAR] }),
    ).toMatchObject({ code: 'EPSG:4538', how: 'declared' });
    expect(
      refusal(() => decideCrs({ ...base, declarationPresent: true, declaredEpsg: 4490, extents: gk(3) }))
        .code,
    ).toBe('contradictory_crs');
  });

  it('guesses nothing when no kind of coordinates has half of the features', () => {
    expect(refusal(() => decideCrs({ ...base, extents: [...gk(2), ...lonLat(2)] })).code).toBe(
      'crs_not_detected',
    );
  });

  it('lets a file without any coordinates through, for its features to be reported', () => {
    expect(decideCrs({ ...base, extents: [] })).toMatchObject({ code: 'EPSG:4490', how: 'guessed' });
  });
});
