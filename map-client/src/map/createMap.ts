// Creates the OpenLayers map of the one-blueprint page: Web Mercator view with no internet basemap,
// scale line, zoom buttons, zoom-to-extent and a CGCS2000 lon/lat mouse readout.
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import MousePosition from 'ol/control/MousePosition.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import ZoomToExtent from 'ol/control/ZoomToExtent.js';
import { fromLonLat } from 'ol/proj.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { Extent } from 'ol/extent.js';
import { CGCS2000, VIEW_PROJECTION } from './registerProjections';

declare global {
  interface Window {
    /** The page's OpenLayers map, for end-to-end tests. */
    __oneBlueprintMap?: OlMap;
  }
}

/** Ürümqi, where the view starts until the layer extents are known. */
const INITIAL_CENTER_LON_LAT: Coordinate = [87.6, 43.8];
const INITIAL_ZOOM = 9;
// [top, right, bottom, left]; the left side leaves room for the layer panel floating over the map.
const FIT_PADDING_PX: [number, number, number, number] = [32, 32, 32, 340];

export type CoordinateLabel = (lon: string, lat: string) => string;

export interface MapLabels {
  mousePosition: CoordinateLabel;
  zoomIn: string;
  zoomOut: string;
  zoomToExtent: string;
}

export interface MapHandle {
  map: OlMap;
  setMouseLabel: (label: CoordinateLabel) => void;
  /** Shows the CGCS2000 mouse readout; call once EPSG:4490 is registered (see registerProjections). */
  showMousePosition: () => void;
  /** Makes `extent` the zoom-to-extent button's; the view moves there too unless `move` is false. */
  fitTo: (extent: Extent, move?: boolean) => void;
  dispose: () => void;
}

function mouseFormat(label: CoordinateLabel) {
  return (coordinate?: Coordinate) =>
    coordinate ? label((coordinate[0] ?? 0).toFixed(6), (coordinate[1] ?? 0).toFixed(6)) : '';
}

export function createMap(target: HTMLElement, labels: MapLabels): MapHandle {
  const map = new OlMap({
    target,
    controls: defaultControls({
      attribution: false,
      rotate: false,
      zoomOptions: { zoomInTipLabel: labels.zoomIn, zoomOutTipLabel: labels.zoomOut },
    }).extend([new ScaleLine({ units: 'metric' })]),
    view: new View({
      projection: VIEW_PROJECTION,
      center: fromLonLat(INITIAL_CENTER_LON_LAT, VIEW_PROJECTION),
      zoom: INITIAL_ZOOM,
      maxZoom: 22,
    }),
  });
  window.__oneBlueprintMap = map;
  let mouseLabel = labels.mousePosition;
  // Created late: a MousePosition made before EPSG:4490 is known would silently print Web Mercator metres.
  let mousePosition: MousePosition | undefined;
  let zoomToExtent: ZoomToExtent | undefined;

  return {
    map,
    setMouseLabel: (next) => {
      mouseLabel = next;
      mousePosition?.setCoordinateFormat(mouseFormat(next));
    },
    showMousePosition: () => {
      if (mousePosition) return;
      mousePosition = new MousePosition({
        projection: CGCS2000,
        coordinateFormat: mouseFormat(mouseLabel),
        className: 'ob-mouse-position',
        placeholder: '',
      });
      map.addControl(mousePosition);
    },
    fitTo: (extent, move = true) => {
      if (move) map.getView().fit(extent, { padding: FIT_PADDING_PX });
      // ZoomToExtent takes its extent only at construction, so the control is (re)created here.
      if (zoomToExtent) map.removeControl(zoomToExtent);
      zoomToExtent = new ZoomToExtent({ extent, label: '⤢', tipLabel: labels.zoomToExtent });
      map.addControl(zoomToExtent);
    },
    dispose: () => {
      map.setTarget(undefined);
      map.dispose();
      if (window.__oneBlueprintMap === map) delete window.__oneBlueprintMap;
    },
  };
}
