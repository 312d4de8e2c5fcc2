// The one-blueprint map page (route "/"): header, full-window map, layer panel, attribute card.
import { useCallback, useMemo, useState } from 'react';
import type OlMap from 'ol/Map.js';
import type { LayerSummary } from '../api/types';
import { FeatureInfo } from '../components/FeatureInfo';
import { CatalogErrorBanner } from '../components/CatalogErrorBanner';
import { Header } from '../components/Header';
import { LayerPanel } from '../components/LayerPanel';
import { MapView } from '../components/MapView';
import { StatusBanner } from '../components/StatusBanner';
import { useI18n } from '../i18n/I18nProvider';
import { sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';
import type { FeatureHit } from '../map/featuresAtPixel';
import { WorkbenchTools } from '../tools/WorkbenchTools';
import { initialLayerState, move, setOpacity, setVisible, type LayerState } from '../state/layerState';
import { useCatalog } from './useCatalog';

const NO_LAYERS: LayerSummary[] = [];
const ignoreClicks = () => undefined;

export function MapPage() {
  const { t } = useI18n();
  const { catalog, retry } = useCatalog(sessionKey(useSession()));
  const layers = catalog.status === 'ready' ? catalog.layers : NO_LAYERS;
  const [layerState, setLayerState] = useState<LayerState>(() => initialLayerState(layers));
  const [hits, setHits] = useState<FeatureHit[] | null>(null);
  const [map, setMap] = useState<OlMap | null>(null);
  const [toolClicks, setToolClicks] = useState(false);

  // A new catalog (first load, retry) starts from the default panel state, set during render so the
  // map never sees the new layers with the old state.
  const [stateLayers, setStateLayers] = useState(layers);
  if (stateLayers !== layers) {
    setStateLayers(layers);
    setLayerState(initialLayerState(layers));
    setHits(null);
  }

  const layersByCode = useMemo(() => new Map(layers.map((layer) => [layer.code, layer])), [layers]);

  const onToggle = useCallback((code: string, visible: boolean) => {
    setLayerState((state) => setVisible(state, code, visible));
    if (!visible) setHits((current) => current?.filter((hit) => hit.layerCode !== code) ?? null);
  }, []);
  const onOpacity = useCallback((code: string, opacity: number) => {
    setLayerState((state) => setOpacity(state, code, opacity));
  }, []);
  const onMove = useCallback(
    (code: string, direction: 'up' | 'down') => {
      const kind = layersByCode.get(code)?.kind;
      setLayerState((state) =>
        move(state, code, direction, (other) => layersByCode.get(other)?.kind === kind),
      );
    },
    [layersByCode],
  );

  return (
    <div className="ob-page">
      <Header />
      <main className="ob-main">
        <MapView
          layers={catalog.status === 'ready' ? catalog.layers : null}
          layerState={layerState}
          onFeaturesClicked={toolClicks ? ignoreClicks : setHits}
          onMap={setMap}
        />
        <WorkbenchTools
          map={map}
          ready={catalog.status === 'ready'}
          layers={layers}
          layerState={layerState}
          onClaimClicks={setToolClicks}
        />
        {catalog.status === 'ready' && (
          <LayerPanel
            layers={layers}
            layerState={layerState}
            onToggle={onToggle}
            onOpacity={onOpacity}
            onMove={onMove}
          />
        )}
        <div className="ob-banners">
          {catalog.status === 'loading' && (
            <StatusBanner tone="info" testId="catalog-loading">
              {t('catalog.loading')}
            </StatusBanner>
          )}
          {catalog.status === 'error' && <CatalogErrorBanner error={catalog} onRetry={retry} />}
          {catalog.status === 'ready' && catalog.crsWarning && (
            <StatusBanner tone="warning" testId="crs-warning">
              {t('catalog.crsWarning', { message: catalog.crsWarning })}
            </StatusBanner>
          )}
        </div>
        {hits && <FeatureInfo hits={hits} layersByCode={layersByCode} onClose={() => setHits(null)} />}
      </main>
    </div>
  );
}
