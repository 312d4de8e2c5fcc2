// The ground size of a screen pixel at the view centre, kept in step with the view.
import { useEffect, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { groundMetresPerPixel } from './mapScale';

export function useMapScale(map: OlMap | null): number | null {
  const [metresPerPixel, setMetresPerPixel] = useState<number | null>(null);
  useEffect(() => {
    if (!map) return;
    const update = () => setMetresPerPixel(groundMetresPerPixel(map));
    update();
    const key = map.on('moveend', update);
    return () => unByKey(key);
  }, [map]);
  return metresPerPixel;
}
