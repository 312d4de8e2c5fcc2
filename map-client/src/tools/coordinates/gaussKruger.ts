// The city's local plane coordinates: the CGCS2000 3° Gauss-Krüger zone of a longitude, its EPSG codes
// (with the zone number in front of the easting, 4513–4533, or without, 4534–4554) and the conversion
// through the proj4 definitions the server publishes (/api/v1/crs, registered by registerProjections).
import proj4 from 'proj4';
import { CGCS2000 } from '../../map/registerProjections';

const FIRST_ZONE = 25;
const LAST_ZONE = 45;
const PREFIXED_FIRST_CODE = 4513;
const PLAIN_FIRST_CODE = 4534;

/** The 3° zone (25 … 45) whose central meridian (3° × zone) is nearest, or null outside China's zones. */
export function zoneOf(lon: number): number | null {
  const zone = Math.round(lon / 3);
  return zone >= FIRST_ZONE && zone <= LAST_ZONE ? zone : null;
}

export function zoneCode(zone: number, prefixed: boolean): string {
  return `EPSG:${(prefixed ? PREFIXED_FIRST_CODE : PLAIN_FIRST_CODE) + zone - FIRST_ZONE}`;
}

export interface PlanePoint {
  zone: number;
  /** northing in metres (X in Chinese surveying) */
  x: number;
  /** easting in metres with the zone number in front, e.g. 29 546 789.1 (Y in Chinese surveying) */
  y: number;
  /** the EPSG code of the zone with the prefix */
  code: string;
}

/** The point in its 3° zone, or null when the zone's definition is not registered (CRS list not read). */
export function toGaussKruger(lon: number, lat: number, zone = zoneOf(lon)): PlanePoint | null {
  if (zone === null) return null;
  const code = zoneCode(zone, true);
  if (!proj4.defs(code)) return null;
  const [easting, northing] = proj4(CGCS2000, code, [lon, lat]) as [number, number];
  return { zone, x: northing, y: easting, code };
}

/** Lon/lat of a plane point in the given zone's prefixed CRS, or null when it is not registered. */
export function fromGaussKruger(zone: number, x: number, yWithPrefix: number): [number, number] | null {
  const code = zoneCode(zone, true);
  if (!proj4.defs(code)) return null;
  return proj4(code, CGCS2000, [yWithPrefix, x]) as [number, number];
}
