// The figures of a printed scale: the ratio 1:N true on paper and a scale bar of a round length.
const METRES_PER_POINT = 0.0254 / 72;

export interface PrintScale {
  /** N of 1:N, rounded to three significant figures as maps print it */
  denominator: number;
  /** the bar's ground length in metres: 1, 2 or 5 times a power of ten */
  barMetres: number;
  /** the bar's length on paper in points */
  barPoints: number;
}

function roundSignificant(value: number, digits: number): number {
  if (value <= 0) return value;
  const power = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / power) * power;
}

/** The largest 1, 2 or 5 × 10ᵏ not above `value`. */
export function roundLength(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const leading = value / power;
  return (leading >= 5 ? 5 : leading >= 2 ? 2 : 1) * power;
}

/** `groundMetresPerPoint`: metres on the ground that one point of the printed map covers. */
export function printScale(groundMetresPerPoint: number, targetBarPoints: number): PrintScale {
  const barMetres = roundLength(groundMetresPerPoint * targetBarPoints);
  return {
    denominator: roundSignificant(groundMetresPerPoint / METRES_PER_POINT, 3),
    barMetres,
    barPoints: barMetres / groundMetresPerPoint,
  };
}

/** A length as a scale bar labels it: metres below a kilometre, else kilometres. */
export function lengthLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}
