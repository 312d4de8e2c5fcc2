// The sample city's local frame: metres east and north of the city centre (87.6°E, 43.8°N), laid on
// the CGCS2000 3-degree Gauss-Krüger zone with central meridian 87°E (EPSG:4538), then stored in EPSG:4490.
import proj4 from 'proj4';
import { crsDefinition } from '../../layers';
import type { Point, PolygonRings } from './plane';

export const CITY_CENTER_LON_LAT: Point = [87.6, 43.8];
export const LOCAL_GK_EPSG = 'EPSG:4538';

const gk = crsDefinition(LOCAL_GK_EPSG);
const geographic = crsDefinition('EPSG:4490');
if (!gk || !geographic) throw new Error('CRS definitions for EPSG:4538 and EPSG:4490 are missing');
const toGk = proj4(geographic.proj4, gk.proj4);
const [centerEasting, centerNorthing] = toGk.forward(CITY_CENTER_LON_LAT) as Point;

/** Coordinates are rounded to 1e-8 degrees (about 1 mm), enough for survey data and stable across runs. */
const round = (value: number) => Math.round(value * 1e8) / 1e8;

export function localToGk([x, y]: Point): Point {
  return [centerEasting + x, centerNorthing + y];
}

export function localToLonLat(point: Point): Point {
  const [lon, lat] = toGk.inverse(localToGk(point)) as Point;
  return [round(lon), round(lat)];
}

export function polygonToLonLat(rings: PolygonRings): Point[][] {
  return rings.map((ring) => ring.map(localToLonLat));
}
