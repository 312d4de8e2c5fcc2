// Keeps the map's centre and zoom and the URL's `x`, `y`, `z` in step: a link, back / forward or another
// component writing the URL (the locate box) moves the map; the map's own moves are written back,
// replacing the history entry (panning makes no entries). Lon/lat are CGCS2000 degrees, which at the
// web map's precision are the EPSG:4326 degrees OpenLayers converts from (no datum shift between them).
import { useEffect, useRef } from 'react';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import type { ViewState } from '../state/viewState';
import { VIEW_PROJECTION } from './registerProjections';

/** Closer than this the map is where the URL says (the URL keeps 6 decimals and 2 for the zoom). */
const LON_LAT_TOLERANCE = 2e-6;
const ZOOM_TOLERANCE = 0.006;

export function useUrlView(
  map: OlMap | null,
  centre: [number, number] | null,
  zoom: number | null,
  update: (change: Partial<ViewState>) => void,
): void {
  // Until the URL's view is applied the map's moves are not written: its first frame is not the link's.
  const applied = useRef(false);
  const lon = centre?.[0] ?? null;
  const lat = centre?.[1] ?? null;

  useEffect(() => {
    if (!map) return;
    const view = map.getView();
    if (lon !== null && lat !== null) {
      const current = view.getCenter();
      const [currentLon, currentLat] = current ? toLonLat(current, VIEW_PROJECTION) : [NaN, NaN];
      const moved =
        !(Math.abs((currentLon ?? NaN) - lon) < LON_LAT_TOLERANCE) ||
        !(Math.abs((currentLat ?? NaN) - lat) < LON_LAT_TOLERANCE);
      const zoomed = zoom !== null && !(Math.abs((view.getZoom() ?? NaN) - zoom) < ZOOM_TOLERANCE);
      if (moved) view.setCenter(fromLonLat([lon, lat], VIEW_PROJECTION));
      if (zoomed) view.setZoom(zoom);
    }
    applied.current = true;
  }, [map, lon, lat, zoom]);

  useEffect(() => {
    if (!map) return;
    const key = map.on('moveend', () => {
      if (!applied.current) return;
      const view = map.getView();
      const current = view.getCenter();
      if (!current) return;
      const [x, y] = toLonLat(current, VIEW_PROJECTION);
      update({ centre: [x ?? 0, y ?? 0], zoom: view.getZoom() ?? null });
    });
    return () => unByKey(key);
  }, [map, update]);
}
