// The map's scale at the view centre: ground metres per CSS pixel, true for the latitude (not the
// Mercator metres of the view).
import type OlMap from 'ol/Map.js';
import { getPointResolution } from 'ol/proj.js';

export function groundMetresPerPixel(map: OlMap): number | null {
  const view = map.getView();
  const resolution = view.getResolution();
  const centre = view.getCenter();
  if (resolution === undefined || !centre) return null;
  return getPointResolution(view.getProjection(), resolution, centre, 'm');
}
