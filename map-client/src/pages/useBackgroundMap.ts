// What a page with a map of the default layers under its own drawing needs (the project page, a planning
// task's page): the catalog, the default layer state, layer names, the map once made, and whether the
// projections are registered (EPSG:4490 is known to OpenLayers once the catalog has been asked for, even
// when it failed). Clicks on such a map select nothing.
import { useCallback, useMemo, useState } from 'react';
import type OlMap from 'ol/Map.js';
import type { LayerSummary } from '../api/types';
import { sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';
import { initialLayerState } from '../state/layerState';
import { useCatalog } from './useCatalog';

const NO_LAYERS: LayerSummary[] = [];

export type BackgroundMap = ReturnType<typeof useBackgroundMap>;

export function useBackgroundMap() {
  const { catalog, retry: retryCatalog } = useCatalog(sessionKey(useSession()));
  const layers = catalog.status === 'ready' ? catalog.layers : NO_LAYERS;
  const layerState = useMemo(() => initialLayerState(layers), [layers]);
  const layerNames = useMemo(() => new Map(layers.map((l) => [l.code, l.name])), [layers]);
  const ignoreClicks = useCallback(() => undefined, []);
  const [map, setMap] = useState<OlMap | null>(null);
  return {
    catalog,
    retryCatalog,
    layers,
    layerState,
    layerNames,
    ignoreClicks,
    map,
    setMap,
    projectionsReady: catalog.status !== 'loading',
  };
}
