// The scale denominator of a map frame, as OGC SLD / SE define it for rule scale ranges: ground width
// per pixel over the standard rendering pixel of 0.28 mm; degrees count as metres along the equator.
const STANDARD_PIXEL_M = 0.00028;
const METRES_PER_DEGREE = (6378137 * 2 * Math.PI) / 360;

export function scaleDenominator(
  bbox: [number, number, number, number],
  widthPx: number,
  geographic: boolean,
): number {
  const width = (bbox[2] - bbox[0]) * (geographic ? METRES_PER_DEGREE : 1);
  return width / widthPx / STANDARD_PIXEL_M;
}
