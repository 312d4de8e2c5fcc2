// The map's scale at the view centre: ground metres per CSS pixel (true for the latitude, not the
// Mercator metres of the view) and the numeric scale 1:N for a 96 dpi screen.
import type OlMap from 'ol/Map.js';
import { getPointResolution } from 'ol/proj.js';

const METRES_PER_CSS_PIXEL = 0.0254 / 96;

export function groundMetresPerPixel(map: OlMap): number | null {
  const view = map.getView();
  const resolution = view.getResolution();
  const centre = view.getCenter();
  if (resolution === undefined || !centre) return null;
  return getPointResolution(view.getProjection(), resolution, centre, 'm');
}

/** N of 1:N, rounded to three significant figures as maps print it. */
export function scaleDenominator(metresPerPixel: number): number {
  const n = metresPerPixel / METRES_PER_CSS_PIXEL;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / power) * power;
}
