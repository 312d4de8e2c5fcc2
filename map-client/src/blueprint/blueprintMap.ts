// The standard page's OpenLayers map: Web Mercator, zoom buttons and a scale bar, nothing else. Made here
// rather than with map/createMap, which brings proj4 and the workbench's controls: this page stays small.
// Lon/lat of CGCS2000 (EPSG:4490) is placed as WGS 84 lon/lat, which OpenLayers knows without proj4: the
// two differ by centimetres, under a pixel at any zoom the page shows.
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import type { LonLatBox } from './pageParameters';

const LON_LAT = 'EPSG:4326';
export const VIEW_PROJECTION = 'EPSG:3857';
/** Ürümqi, until the frame is known. */
const INITIAL_CENTER: [number, number] = [87.6, 43.8];
/** Framing a small site closer than this shows no surroundings. */
const MAX_FIT_ZOOM = 17;

declare global {
  interface Window {
    /** The standard page's map, for end-to-end tests. */
    __oneBlueprintStandardMap?: OlMap;
  }
}

export function createBlueprintMap(target: HTMLElement, zoomInTip: string, zoomOutTip: string): OlMap {
  const map = new OlMap({
    target,
    controls: defaultControls({
      attribution: false,
      rotate: false,
      zoomOptions: { zoomInTipLabel: zoomInTip, zoomOutTipLabel: zoomOutTip },
    }).extend([new ScaleLine({ units: 'metric' })]),
    view: new View({
      projection: VIEW_PROJECTION,
      center: fromLonLat(INITIAL_CENTER),
      zoom: 10,
      maxZoom: 20,
    }),
  });
  window.__oneBlueprintStandardMap = map;
  return map;
}

export function toViewExtent(box: LonLatBox): Extent {
  return transformExtent(box, LON_LAT, VIEW_PROJECTION);
}

/** The union of lon/lat boxes in the view's projection, or null when there is none. */
export function unionExtent(boxes: Array<LonLatBox | null>): Extent | null {
  const union = createEmpty();
  for (const box of boxes) if (box) extend(union, toViewExtent(box));
  return isEmpty(union) ? null : union;
}

/** Frames the extent, leaving room for the panel on the right where the map is wide enough for it. */
export function frame(map: OlMap, extent: Extent, panelWidthPx: number): void {
  const width = map.getSize()?.[0] ?? 0;
  const right = width > panelWidthPx * 2.2 ? panelWidthPx + 32 : 24;
  map.getView().fit(extent, { padding: [24, right, 24, 24], maxZoom: MAX_FIT_ZOOM });
}
