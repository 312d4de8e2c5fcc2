// What coordinates look like in each kind of CRS used in China, to guess a missing CRS and to catch a
// declared one that contradicts the data. Ranges cover China with a margin.
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const within = (value: number, min: number, max: number) => value >= min && value <= max;

export function looksGeographic(e: Extent): boolean {
  return within(e.minX, 70, 140) && within(e.maxX, 70, 140) && within(e.minY, 0, 56) && within(e.maxY, 0, 56);
}

/** Gauss-Krüger northing in China (metres from the equator). */
const looksNorthing = (min: number, max: number) =>
  within(min, 1_500_000, 6_300_000) && within(max, 1_500_000, 6_300_000);

/** The zone number carried in front of the easting (e.g. 29 in 29548285), or undefined. */
export function prefixedZone(e: Extent): number | undefined {
  const zone = Math.floor(e.minX / 1_000_000);
  if (zone !== Math.floor(e.maxX / 1_000_000)) return undefined;
  const inZone = (x: number) => within(x - zone * 1_000_000, 200_000, 800_000);
  const plausible = (zone >= 13 && zone <= 23) || (zone >= 25 && zone <= 45);
  return plausible && inZone(e.minX) && inZone(e.maxX) && looksNorthing(e.minY, e.maxY) ? zone : undefined;
}

export function looksUnprefixedGaussKruger(e: Extent): boolean {
  return (
    within(e.minX, 200_000, 800_000) && within(e.maxX, 200_000, 800_000) && looksNorthing(e.minY, e.maxY)
  );
}

export function looksWebMercator(e: Extent): boolean {
  return (
    within(e.minX, 7_800_000, 15_600_000) &&
    within(e.maxX, 7_800_000, 15_600_000) &&
    within(e.minY, 0, 7_600_000) &&
    within(e.maxY, 0, 7_600_000)
  );
}
