// The view's place in the address: `x`, `y` (the centre, CGCS2000 lon/lat degrees), `z` (zoom) and
// `project` (the project chosen in the locate box), so a copied link reopens the same view. Written with
// `replace`, so panning does not fill the browser's history; other parameters (the layers') are kept.
import { useCallback, useEffect, useRef } from 'react';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { useSearchParams } from 'react-router';
import { VIEW_PROJECTION } from '../map/registerProjections';

export interface UrlView {
  centre: [number, number] | null;
  zoom: number | null;
  project: string | null;
}

function finite(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function readUrlView(params: URLSearchParams): UrlView {
  const [x, y, z] = [finite(params.get('x')), finite(params.get('y')), finite(params.get('z'))];
  const centre: [number, number] | null =
    x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 85 ? [x, y] : null;
  return {
    centre,
    zoom: z !== null && z >= 0 && z <= 22 ? z : null,
    project: params.get('project')?.trim() || null,
  };
}

/**
 * Opens the view the address names once the page has placed its own (the city extent, when `ready`),
 * then keeps the address in step with the view. `opened` is what the address named when the page opened,
 * `project` the chosen project, `setProject` changes it.
 */
export function useViewUrl(map: OlMap | null, ready: boolean) {
  const [params, setParams] = useSearchParams();
  const opened = useRef<UrlView>(readUrlView(params));
  const project = params.get('project')?.trim() || null;
  // setSearchParams changes with every address: the listeners below use the latest through this ref, and
  // start from the address as it is now (not as it was at that render), so two quick changes both stay
  const setParamsRef = useRef(setParams);
  useEffect(() => {
    setParamsRef.current = setParams;
  }, [setParams]);

  useEffect(() => {
    if (!map || !ready) return;
    const view = map.getView();
    // the address as it is now: on a reload of the catalog (after signing in) the view stays where it was
    const { centre, zoom } = readUrlView(new URLSearchParams(window.location.search));
    if (centre) view.setCenter(fromLonLat(centre, VIEW_PROJECTION));
    if (zoom !== null) view.setZoom(zoom);
    const key = map.on('moveend', () => {
      const at = view.getCenter();
      const z = view.getZoom();
      if (!at || z === undefined) return;
      const [lon, lat] = toLonLat(at, VIEW_PROJECTION) as [number, number];
      setParamsRef.current(
        () => {
          const next = new URLSearchParams(window.location.search);
          next.set('x', lon.toFixed(6));
          next.set('y', lat.toFixed(6));
          next.set('z', z.toFixed(2));
          return next;
        },
        { replace: true },
      );
    });
    return () => unByKey(key);
  }, [map, ready]);

  const setProject = useCallback(
    (code: string | null) =>
      setParamsRef.current(
        () => {
          const next = new URLSearchParams(window.location.search);
          if (code) next.set('project', code);
          else next.delete('project');
          return next;
        },
        { replace: true },
      ),
    [],
  );

  return { opened: opened.current, project, setProject };
}
