// The workbench's OpenLayers map for the components mounted inside the page (map tools, overlays): null
// until the map is made.
import { createContext, useContext } from 'react';
import type OlMap from 'ol/Map.js';

export const MapContext = createContext<OlMap | null>(null);

export function useMap(): OlMap | null {
  return useContext(MapContext);
}
