// The figures of a measured line or polygon drawn on the map (view projection), on the CGCS2000 ellipsoid:
// geodesic lengths, and areas by the same ellipsoidal formula as the compliance preview.
import type Geometry from 'ol/geom/Geometry.js';
import LineString from 'ol/geom/LineString.js';
import Polygon from 'ol/geom/Polygon.js';
import { toLonLat } from 'ol/proj.js';
import type { Position } from 'geojson';
import { ellipsoidAreaM2 } from '../../compliance/ellipsoidArea';
import { VIEW_PROJECTION } from '../../map/registerProjections';
import { geodesicLengthM } from './geodesicLength';

export interface Measurement {
  kind: 'length' | 'area';
  /** the line's length, or the polygon's perimeter, in metres */
  lengthM: number;
  /** the polygon's area in m² (null for a line) */
  areaM2: number | null;
  /** the vertices in CGCS2000 lon/lat (a polygon's ring closed) */
  lonLat: Position[];
}

const lonLatOf = (coordinates: number[][]): Position[] =>
  coordinates.map((c) => toLonLat(c, VIEW_PROJECTION));

export function measure(geometry: Geometry): Measurement | null {
  if (geometry instanceof LineString) {
    const line = lonLatOf(geometry.getCoordinates());
    return line.length < 2
      ? null
      : { kind: 'length', lengthM: geodesicLengthM(line), areaM2: null, lonLat: line };
  }
  if (geometry instanceof Polygon) {
    const ring = lonLatOf(geometry.getCoordinates()[0] ?? []);
    if (ring.length < 4) return null;
    return {
      kind: 'area',
      lengthM: geodesicLengthM(ring),
      areaM2: ellipsoidAreaM2({ type: 'Polygon', coordinates: [ring] }),
      lonLat: ring,
    };
  }
  return null;
}
