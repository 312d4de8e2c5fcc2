// Coordinates typed into the locate box: CGCS2000 lon/lat in decimal degrees or 度分秒 (either order: in
// China longitudes 73–136 and latitudes 3–54 cannot be mistaken), or Gauss-Krüger X/Y in metres, the easting
// with its 3° zone number in front (35546789.1) or without it (546789.1, then in the zone of the view).
export type TypedCoordinates =
  | { kind: 'lonlat'; lon: number; lat: number }
  /** x: northing; y: easting as typed; zone: from the prefix, or null when the easting has none */
  | { kind: 'gauss-kruger'; x: number; y: number; zone: number | null };

const NUMBER = String.raw`[+-]?\d+(?:\.\d+)?`;
const DMS = new RegExp(
  String.raw`(${NUMBER})\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′’分]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:["″”]|''|′′|秒)\s*)?([NSEWnsew东西南北])?`,
  'g',
);
const PLAIN_PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*[,，;；\s]\s*(${NUMBER})\s*$`);

const isLon = (v: number) => v >= 73 && v <= 136;
const isLat = (v: number) => v >= 3 && v <= 54;

const latitudeHint = (h: string | undefined) => /^[NS北南]$/i.test(h ?? '');
const longitudeHint = (h: string | undefined) => /^[EW东西]$/i.test(h ?? '');

/** Two values as lon/lat: by the hemisphere letters when typed, else by their ranges. */
function lonLatOf(
  a: number,
  b: number,
  [hintA, hintB]: (string | undefined)[] = [],
): TypedCoordinates | null {
  const hinted = latitudeHint(hintA) || longitudeHint(hintB);
  const latFirst =
    hinted || (!longitudeHint(hintA) && !latitudeHint(hintB) && isLat(Math.abs(a)) && isLon(Math.abs(b)));
  const [lon, lat] = latFirst ? [b, a] : [a, b];
  return isLon(lon) && isLat(lat) ? { kind: 'lonlat', lon, lat } : null;
}

function parseDms(text: string): TypedCoordinates | null {
  const parts = [...text.matchAll(DMS)];
  if (parts.length !== 2) return null;
  const values = parts.map(([, d, m, s, hemisphere]) => {
    const degrees = Number(d);
    const magnitude = Math.abs(degrees) + Number(m ?? 0) / 60 + Number(s ?? 0) / 3600;
    const negative = degrees < 0 || /[SWsw南西]/.test(hemisphere ?? '');
    return { value: negative ? -magnitude : magnitude, hemisphere };
  });
  return lonLatOf(values[0]!.value, values[1]!.value, [values[0]!.hemisphere, values[1]!.hemisphere]);
}

function gaussKrugerOf(a: number, b: number): TypedCoordinates | null {
  // an easting with its zone number is 8 digits (25 000 000 … 45 999 999); without it under 1 000 000;
  // a northing in China lies between 300 000 and 6 000 000 m
  const prefixed = (v: number) => v >= 25_000_000 && v < 46_000_000;
  const isNorthing = (v: number) => v >= 300_000 && v <= 6_000_000;
  let x: number;
  let y: number;
  if (prefixed(b) || (b < 1_000_000 && isNorthing(a))) [x, y] = [a, b];
  else if (prefixed(a) || (a < 1_000_000 && isNorthing(b))) [x, y] = [b, a];
  else return null;
  if (!isNorthing(x)) return null;
  if (prefixed(y)) return { kind: 'gauss-kruger', x, y, zone: Math.floor(y / 1_000_000) };
  return y > 0 && y < 1_000_000 ? { kind: 'gauss-kruger', x, y, zone: null } : null;
}

export function parseCoordinates(text: string): TypedCoordinates | null {
  if (/[°度]/.test(text)) return parseDms(text);
  const pair = PLAIN_PAIR.exec(text);
  if (!pair) return null;
  const [a, b] = [Number(pair[1]), Number(pair[2])];
  if (Math.abs(a) <= 180 && Math.abs(b) <= 180) return lonLatOf(a, b);
  return gaussKrugerOf(a, b);
}
