// The numeric scale 1:N of a screen at 96 CSS pixels an inch, for a ground size of a pixel.
const METRES_PER_CSS_PIXEL = 0.0254 / 96;

/** N of 1:N, rounded to three significant figures as maps print it. */
export function scaleDenominator(metresPerPixel: number): number {
  const n = metresPerPixel / METRES_PER_CSS_PIXEL;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / power) * power;
}
