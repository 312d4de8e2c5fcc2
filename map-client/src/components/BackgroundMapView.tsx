// The map of a page built on useBackgroundMap (the project page, a planning task's page): the default layers,
// clicks selecting nothing, and the banners over it — the catalog's failure with its retry first, then the
// page's own.
import type { ReactNode } from 'react';
import type { BackgroundMap } from '../pages/useBackgroundMap';
import { CatalogErrorBanner } from './CatalogErrorBanner';
import { MapView } from './MapView';

export function BackgroundMapView({
  background,
  children,
}: {
  background: BackgroundMap;
  children?: ReactNode;
}) {
  const { catalog, retryCatalog, layerState, ignoreClicks, setMap } = background;
  return (
    <>
      <MapView
        layers={catalog.status === 'ready' ? catalog.layers : null}
        layerState={layerState}
        onFeaturesClicked={ignoreClicks}
        onMap={setMap}
      />
      <div className="ob-banners">
        {catalog.status === 'error' && <CatalogErrorBanner error={catalog} onRetry={retryCatalog} />}
        {children}
      </div>
    </>
  );
}
