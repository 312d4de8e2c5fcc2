// The CGCS2000 lon/lat under the mouse pointer (null when it leaves the map), at most once a frame.
import { useEffect, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { toLonLat } from 'ol/proj.js';
import { VIEW_PROJECTION } from '../../map/registerProjections';

export function useCursorLonLat(map: OlMap | null): [number, number] | null {
  const [lonLat, setLonLat] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (!map) return;
    let frame = 0;
    let latest: number[] | null = null;
    const key = map.on('pointermove', (event) => {
      latest = event.coordinate;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // CGCS2000 and WGS84 lon/lat agree to centimetres, far below a screen pixel
        if (latest) setLonLat(toLonLat(latest, VIEW_PROJECTION) as [number, number]);
      });
    });
    const viewport = map.getViewport();
    const leave = () => {
      latest = null;
      setLonLat(null);
    };
    viewport?.addEventListener('pointerleave', leave);
    return () => {
      unByKey(key);
      cancelAnimationFrame(frame);
      viewport?.removeEventListener('pointerleave', leave);
    };
  }, [map]);
  return lonLat;
}
