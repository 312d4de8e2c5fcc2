// Seven districts: Voronoi cells around each district seat, cut to the city boundary.
import * as turf from '@turf/turf';
import { intersect, type Shape } from './clip';
import { DISTRICTS, type DistrictInfo } from './names';
import { pointInPolygons, type Point, type Ring } from './plane';

export interface District {
  info: DistrictInfo;
  shape: Shape;
}

export function divideDistricts(boundary: Ring): District[] {
  const seats = turf.featureCollection(DISTRICTS.map((d) => turf.point(d.seat)));
  const cells = turf.voronoi(seats, { bbox: [-60000, -60000, 60000, 60000] });
  return DISTRICTS.map((info, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`no Voronoi cell for ${info.name}`);
    return { info, shape: intersect([cell.geometry.coordinates as Ring[]], [[boundary]]) };
  });
}

export function districtAt(districts: District[], point: Point): District {
  const inside = districts.find((d) => pointInPolygons(point, d.shape));
  if (inside) return inside;
  // Outside the city boundary (a site drawn past it): the district with the nearest seat.
  const distance = (d: District) => Math.hypot(d.info.seat[0] - point[0], d.info.seat[1] - point[1]);
  return districts.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}
