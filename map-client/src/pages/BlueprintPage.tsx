// The one-blueprint standard page (/blueprint?projectCode=…&layers=…&bbox=…, seed Art. 10-11): what city
// and province systems open by URL or in an iframe. A full-window map of the blueprint's standard layers
// (or those named), framed on the project's site or the bbox, the site highlighted, and a compact panel
// with the project's facts. No workbench chrome and no session needed: public layers for anyone, the
// rest with apikey= or a signed link, which every request of the page carries on.
import { useEffect, useMemo, useRef, useState } from 'react';
import type ImageLayer from 'ol/layer/Image.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type ImageWMS from 'ol/source/ImageWMS.js';
import { useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { fetchBlueprint, type BlueprintData } from '../blueprint/blueprintData';
import { createBlueprintMap, frame, toViewExtent, unionExtent } from '../blueprint/blueprintMap';
import { InfoPanel, PANEL_WIDTH_PX } from '../blueprint/InfoPanel';
import { createImageLayers } from '../blueprint/mapImages';
import { credentialParams, readPageParameters, type PageParameters } from '../blueprint/pageParameters';
import { localPart } from '../blueprint/localPart';
import { createSiteLayer } from '../blueprint/siteLayer';
import { useDrawnSignal, type DrawnState } from '../blueprint/useDrawnSignal';
import { describeError } from '../components/describeError';
import { StatusBanner } from '../components/StatusBanner';
import { useI18n } from '../i18n/I18nProvider';

type MapState = 'loading' | 'drawn' | 'failed';

/** The extent to open on without a bbox or a site: the districts', else every layer's. */
function defaultExtent(data: BlueprintData) {
  const districts = data.layers.filter((layer) => layer.code === 'districts' && layer.extent);
  return unionExtent((districts.length > 0 ? districts : data.layers).map((layer) => layer.extent));
}

/** Adds the page's layers to the map and reports when the first view is drawn. */
function useMapLayers(
  map: OlMap | null,
  data: BlueprintData | null,
  parameters: PageParameters | null,
  onState: (state: MapState) => void,
): void {
  useEffect(() => {
    if (!map || !data || !parameters) return;
    const images: ImageLayer<ImageWMS>[] = createImageLayers(
      data.layers,
      credentialParams(parameters.credential),
    );
    const site = data.project?.site ? createSiteLayer(data.project.site.geometry.coordinates) : null;
    let failed = false;
    const errorKeys = images.map((layer) =>
      layer.getSource()!.on('imageloaderror', () => {
        failed = true;
        onState('failed');
      }),
    );
    for (const layer of images) map.addLayer(layer);
    if (site) map.addLayer(site);
    const extent = data.frame ? toViewExtent(data.frame) : defaultExtent(data);
    if (extent) frame(map, extent, PANEL_WIDTH_PX);
    // OpenLayers says rendercomplete once no image of the view is loading any more
    const drawnKey = map.once('rendercomplete', () => onState(failed ? 'failed' : 'drawn'));
    map.render();
    return () => {
      unByKey(errorKeys);
      unByKey(drawnKey);
      for (const layer of [...images, ...(site ? [site] : [])]) {
        map.removeLayer(layer);
        layer.dispose();
      }
    };
  }, [map, data, parameters, onState]);
}

export function BlueprintPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const parsed = useMemo(() => readPageParameters(search), [search]);
  const parameters = 'parameter' in parsed ? null : parsed;
  const targetRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<OlMap | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [data, setData] = useState<BlueprintData | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [mapState, setMapState] = useState<MapState>('loading');

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const created = createBlueprintMap(target, t('blueprint.zoomIn'), t('blueprint.zoomOut'));
    setMap(created);
    return () => {
      created.setTarget(undefined);
      created.dispose();
      setMap(null);
    };
    // made once: the zoom tips keep the language the page was opened in
  }, []);

  useEffect(() => {
    if (!parameters) return;
    const controller = new AbortController();
    setData(null);
    setLoadError(null);
    setMapState('loading');
    fetchBlueprint(parameters.query, controller.signal).then(
      (loaded) => setData(loaded),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [parameters, attempt]);

  useMapLayers(map, data, parameters, setMapState);

  const drawn: DrawnState =
    !parameters || loadError !== null || mapState === 'failed'
      ? 'error'
      : mapState === 'drawn' && data
        ? 'ready'
        : 'loading';
  useDrawnSignal(drawn);
  const retry = () => setAttempt((n) => n + 1);

  return (
    <div className="ob-blueprint" data-testid="blueprint-page">
      <div
        ref={targetRef}
        className="ob-blueprint-map"
        data-testid="map"
        aria-label={t('blueprint.map')}
        tabIndex={0}
      />
      <div className="ob-blueprint-banners">
        {'parameter' in parsed && (
          <StatusBanner tone="error" testId="blueprint-error">
            <span>
              {t('blueprint.error.parameter', { parameter: parsed.parameter, message: t(parsed.message) })}
            </span>
          </StatusBanner>
        )}
        {loadError !== null && <LoadErrorBanner error={loadError} onRetry={retry} />}
        {mapState === 'failed' && (
          <StatusBanner tone="error" testId="blueprint-map-error">
            <span>{t('blueprint.error.map')}</span>
            <button type="button" className="ob-button" onClick={retry}>
              {t('blueprint.retry')}
            </button>
          </StatusBanner>
        )}
        {parameters && !data && loadError === null && (
          <StatusBanner tone="info" testId="blueprint-loading">
            {t('blueprint.loading')}
          </StatusBanner>
        )}
      </div>
      {data && <InfoPanel data={data} />}
    </div>
  );
}

/** Why the page's data could not be read: the parameter the server named, a refusal, or the failure. */
function LoadErrorBanner({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, locale } = useI18n();
  const described = describeError(error);
  const { parameter } = described;
  const message = localPart(described.message, locale);
  const status = error instanceof ApiError ? error.status : null;
  const text =
    parameter && status !== null && status < 500 && status !== 401 && status !== 403
      ? t('blueprint.error.parameter', { parameter, message })
      : status === 401 || status === 403
        ? t('blueprint.error.denied', { message })
        : t('blueprint.error.load', { message });
  return (
    <StatusBanner tone="error" testId="blueprint-error">
      <span>{text}</span>
      <button type="button" className="ob-button" onClick={onRetry}>
        {t('blueprint.retry')}
      </button>
    </StatusBanner>
  );
}
