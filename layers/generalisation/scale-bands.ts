// The scale bands of a generalisation: zoom levels of 256-pixel tiles, each with the pixel size (in degrees
// of longitude) it was generalised for. A map reads the coarsest band whose pixel is not larger than its
// own: its cells are then at most 64 of the map's pixels wide, so little is read beyond the frame.

/** The bands built, coarsest first: from a region to a few streets on a 256-pixel map. */
export const GENERALISED_BANDS: readonly number[] = [8, 9, 10, 11, 12, 13, 14];

const TILE_PX = 256;

/** The pixel size (degrees of longitude) of a band. */
export function bandPixelDegrees(band: number): number {
  return 360 / TILE_PX / 2 ** band;
}

/**
 * The band to draw a map whose pixels are `pixelDegrees` wide (the smaller of its two sides, in degrees)
 * from: the coarsest of `bands` not coarser than the map; undefined when every band is coarser.
 */
export function bandFor(pixelDegrees: number, bands: readonly number[]): number | undefined {
  let chosen: number | undefined;
  for (const band of bands) {
    if (bandPixelDegrees(band) <= pixelDegrees * (1 + 1e-9) && (chosen === undefined || band < chosen))
      chosen = band;
  }
  return chosen;
}
