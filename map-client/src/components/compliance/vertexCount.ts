// How many vertices a site has on the map (each ring's closing point, a repeat of its first, not counted):
// shown beside the area, so adding or removing a corner is visible.
import type Geometry from 'ol/geom/Geometry.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Polygon from 'ol/geom/Polygon.js';

export function vertexCount(geometry: Geometry): number {
  const polygons =
    geometry instanceof Polygon ? [geometry] : geometry instanceof MultiPolygon ? geometry.getPolygons() : [];
  return polygons
    .flatMap((polygon) => polygon.getLinearRings())
    .reduce((sum, ring) => sum + Math.max(0, ring.getCoordinates().length - 1), 0);
}
