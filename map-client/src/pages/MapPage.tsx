// The workbench (route "/"): header, full-window map, layer tree with legends and as-of dates, the swipe,
// identify. Everything the user sets lives in the URL (state/viewState.ts), so a link reopens the view.
// Map tools mount inside <MapContext.Provider>, where useMap() gives them the OpenLayers map.
import { useCallback, useMemo, useState } from 'react';
import type OlMap from 'ol/Map.js';
import type { LayerSummary } from '../api/types';
import { CatalogErrorBanner } from '../components/CatalogErrorBanner';
import { FeatureInfo } from '../components/FeatureInfo';
import { Header } from '../components/Header';
import { LayerPanel } from '../components/LayerPanel';
import { SwipeControl } from '../components/layers/SwipeControl';
import { SwipeDivider } from '../components/layers/SwipeDivider';
import { MapView } from '../components/MapView';
import { StatusBanner } from '../components/StatusBanner';
import { useIdentify } from '../components/useIdentify';
import { useI18n } from '../i18n/I18nProvider';
import { redrawWmsLayers } from '../map/asOfWmsLayer';
import { MapContext } from '../map/MapContext';
import { useUrlView } from '../map/useUrlView';
import { sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';
import {
  fadedLayers,
  initialLayerState,
  layerStateFromUrl,
  move,
  moveTo,
  setOpacity,
  setVisible,
  visibleCodes,
  type LayerState,
} from '../state/layerState';
import { useViewState, type SwipeState } from '../state/viewState';
import { WorkbenchTools } from '../tools/WorkbenchTools';
import { useCatalog } from './useCatalog';

const NO_LAYERS: LayerSummary[] = [];

export function MapPage() {
  const { t } = useI18n();
  const { catalog, retry } = useCatalog(sessionKey(useSession()));
  const layers = catalog.status === 'ready' ? catalog.layers : NO_LAYERS;
  const { view, update } = useViewState();
  const [map, setMap] = useState<OlMap | null>(null);
  // while a measuring tool takes the map's clicks, they do not identify features
  const [toolClicks, setToolClicks] = useState(false);
  // A link with a centre keeps it; otherwise the map opens on the whole city.
  const [linkHasCentre] = useState(() => view.centre !== null);
  // While the divider is dragged the map follows this; the URL gets the place where the drag ends.
  const [dragPosition, setDragPosition] = useState<number | null>(null);

  // The URL's parts as strings, so the derived state changes only when they do.
  const visibleKey = view.visible?.join(',') ?? null;
  const orderKey = view.order?.join(',') ?? null;
  const opacityKey = JSON.stringify(view.opacity);
  const asOfKey = JSON.stringify(view.asOf);
  const layerState = useMemo(
    () =>
      layerStateFromUrl(layers, {
        visible: visibleKey === null ? null : visibleKey.split(',').filter(Boolean),
        order: orderKey === null ? null : orderKey.split(','),
        opacity: JSON.parse(opacityKey) as Record<string, number>,
      }),
    [layers, visibleKey, orderKey, opacityKey],
  );
  const asOf = useMemo(() => JSON.parse(asOfKey) as Record<string, string>, [asOfKey]);
  const defaultOrder = useMemo(() => initialLayerState(layers).order.join(','), [layers]);
  const layersByCode = useMemo(() => new Map(layers.map((layer) => [layer.code, layer])), [layers]);
  const swipe: SwipeState | null = view.swipe
    ? { ...view.swipe, position: dragPosition ?? view.swipe.position }
    : null;

  useUrlView(map, view.centre, view.zoom, update);
  const isImagery = useCallback(
    (code: string) => layersByCode.get(code)?.geometryType === 'Raster',
    [layersByCode],
  );
  const identified = useIdentify(map, {
    swipePosition: swipe?.position ?? 0.5,
    isImagery,
    paused: toolClicks,
  });

  const sameGroup = useCallback(
    (code: string) => {
      const kind = layersByCode.get(code)?.kind;
      return (other: string) => layersByCode.get(other)?.kind === kind;
    },
    [layersByCode],
  );
  const writeOrder = useCallback(
    (next: LayerState) => {
      const order = next.order.join(',');
      update({ order: order === defaultOrder ? null : next.order }, { push: true });
    },
    [defaultOrder, update],
  );
  const onToggle = useCallback(
    (code: string, visible: boolean) =>
      update({ visible: visibleCodes(setVisible(layerState, code, visible)) }, { push: true }),
    [layerState, update],
  );
  const onOpacity = useCallback(
    (code: string, opacity: number) =>
      update({ opacity: fadedLayers(setOpacity(layerState, code, opacity)) }),
    [layerState, update],
  );
  const onMove = useCallback(
    (code: string, direction: 'up' | 'down') =>
      writeOrder(move(layerState, code, direction, sameGroup(code))),
    [layerState, sameGroup, writeOrder],
  );
  const onMoveTo = useCallback(
    (code: string, target: string) => writeOrder(moveTo(layerState, code, target, sameGroup(code))),
    [layerState, sameGroup, writeOrder],
  );
  const onAsOf = useCallback(
    (code: string, day: string | null) => {
      const next = { ...asOf };
      if (day) next[code] = day;
      else delete next[code];
      update({ asOf: next }, { push: true });
    },
    [asOf, update],
  );
  const onSwipe = useCallback((next: SwipeState | null) => update({ swipe: next }, { push: true }), [update]);
  const commitDivider = useCallback(
    (position: number) => {
      setDragPosition(null);
      if (view.swipe) update({ swipe: { ...view.swipe, position } });
    },
    [update, view.swipe],
  );

  // As-of layers whose WMS image failed: named in a banner with a retry, never a silently empty map.
  const [failedDrawings, setFailedDrawings] = useState<string[]>([]);
  const onDrawFailure = useCallback(
    (code: string, failed: boolean) =>
      setFailedDrawings((codes) =>
        failed ? (codes.includes(code) ? codes : [...codes, code]) : codes.filter((c) => c !== code),
      ),
    [],
  );
  const redraw = useCallback(
    (code: string) => {
      setFailedDrawings((codes) => codes.filter((c) => c !== code));
      if (map) redrawWmsLayers(map.getAllLayers(), code);
    },
    [map],
  );

  const hits = identified.result;
  return (
    <MapContext.Provider value={map}>
      <div className="ob-page">
        <Header />
        <main className="ob-main">
          <MapView
            layers={catalog.status === 'ready' ? catalog.layers : null}
            layerState={layerState}
            onMap={setMap}
            asOf={asOf}
            swipe={swipe}
            fitToCity={!linkHasCentre}
            onDrawFailure={onDrawFailure}
          />
          {swipe && (
            <SwipeDivider position={swipe.position} onMove={setDragPosition} onCommit={commitDivider} />
          )}
          {catalog.status === 'ready' && (
            <LayerPanel
              layers={layers}
              layerState={layerState}
              onToggle={onToggle}
              onOpacity={onOpacity}
              onMove={onMove}
              onMoveTo={onMoveTo}
              asOf={asOf}
              onAsOf={onAsOf}
            >
              <SwipeControl layers={layers} swipe={view.swipe} onSwipe={onSwipe} />
            </LayerPanel>
          )}
          <div className="ob-banners">
            {catalog.status === 'loading' && (
              <StatusBanner tone="info" testId="catalog-loading">
                {t('catalog.loading')}
              </StatusBanner>
            )}
            {catalog.status === 'error' && <CatalogErrorBanner error={catalog} onRetry={retry} />}
            {failedDrawings.map((code) => (
              <StatusBanner key={code} tone="error" testId="asof-draw-failed">
                <span>
                  {t('workbench.drawFailed', {
                    name: layersByCode.get(code)?.name ?? code,
                    date: asOf[code] ?? '',
                  })}
                </span>
                <button type="button" className="ob-button" onClick={() => redraw(code)}>
                  {t('workbench.retry')}
                </button>
              </StatusBanner>
            ))}
            {catalog.status === 'ready' && catalog.crsWarning && (
              <StatusBanner tone="warning" testId="crs-warning">
                {t('catalog.crsWarning', { message: catalog.crsWarning })}
              </StatusBanner>
            )}
          </div>
          {hits && (
            <FeatureInfo
              hits={hits.hits}
              imagery={hits.imagery}
              failures={hits.failures}
              pending={hits.pending}
              layersByCode={layersByCode}
              asOf={asOf}
              onClose={identified.clear}
              onRetry={identified.retry}
            />
          )}
          <WorkbenchTools
            map={map}
            ready={catalog.status === 'ready'}
            layers={layers}
            layerState={layerState}
            onClaimClicks={setToolClicks}
          />
        </main>
      </div>
    </MapContext.Provider>
  );
}
