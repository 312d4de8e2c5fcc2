// The map itself: creates the OpenLayers map once, adds one vector-tile layer per displayable catalog
// layer, and keeps visibility, opacity and drawing order in step with the layer panel.
import { useEffect, useRef } from 'react';
import type BaseLayer from 'ol/layer/Base.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { createMap, type MapHandle } from '../map/createMap';
import { cityViewExtent } from '../map/extent';
import { featuresAtPixel, type FeatureHit } from '../map/featuresAtPixel';
import { createImageryTileLayer } from '../map/imageryTileLayer';
import { createVectorTileLayer } from '../map/vectorTileLayer';
import { isDisplayable, zIndexOf, type LayerState } from '../state/layerState';

interface Props {
  /** null while the catalog is loading */
  layers: LayerSummary[] | null;
  layerState: LayerState;
  onFeaturesClicked: (hits: FeatureHit[]) => void;
  /** the OpenLayers map once made (and null when it goes), for pages that add their own layers and tools */
  onMap?: (map: OlMap | null) => void;
}

function markReady(): void {
  document.body.dataset.mapReady = 'true';
}

export function MapView({ layers, layerState, onFeaturesClicked, onMap }: Props) {
  const { t } = useI18n();
  const targetRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<MapHandle | null>(null);
  const olLayersRef = useRef(new Map<string, BaseLayer>());
  const onClickRef = useRef(onFeaturesClicked);
  const tRef = useRef(t);
  const onMapRef = useRef(onMap);

  useEffect(() => {
    onClickRef.current = onFeaturesClicked;
  }, [onFeaturesClicked]);

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const translate = tRef.current;
    const handle = createMap(target, {
      mousePosition: (lon, lat) => translate('map.mousePosition', { lon, lat }),
      zoomIn: '+',
      zoomOut: '−',
      zoomToExtent: translate('map.zoomToExtent'),
    });
    handleRef.current = handle;
    const clickKey = handle.map.on('singleclick', (event) => {
      onClickRef.current(featuresAtPixel(handle.map, event.pixel));
    });
    onMapRef.current?.(handle.map);
    return () => {
      onMapRef.current?.(null);
      unByKey(clickKey);
      handle.dispose();
      handleRef.current = null;
    };
  }, []);

  useEffect(() => {
    tRef.current = t;
    handleRef.current?.setMouseLabel((lon, lat) => t('map.mousePosition', { lon, lat }));
  }, [t]);

  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !layers) return;
    // The catalog arrives after the CRS definitions are registered, so EPSG:4490 is known here.
    handle.showMousePosition();
    const olLayers = olLayersRef.current;
    for (const summary of layers) {
      if (!isDisplayable(summary)) continue;
      const layer =
        summary.geometryType === 'Raster' ? createImageryTileLayer(summary) : createVectorTileLayer(summary);
      olLayers.set(summary.code, layer);
      handle.map.addLayer(layer);
    }
    const extent = cityViewExtent(layers);
    if (extent) handle.fitTo(extent);
    const readyKey = handle.map.once('rendercomplete', markReady);
    handle.map.render();
    return () => {
      unByKey(readyKey);
      for (const layer of olLayers.values()) {
        handle.map.removeLayer(layer);
        layer.dispose();
      }
      olLayers.clear();
    };
  }, [layers]);

  useEffect(() => {
    for (const [code, layer] of olLayersRef.current) {
      const view = layerState.views[code];
      layer.setVisible(view?.visible ?? false);
      layer.setOpacity(view?.opacity ?? 1);
      layer.setZIndex(zIndexOf(layerState, code));
    }
  }, [layers, layerState]);

  return <div ref={targetRef} className="ob-map" data-testid="map" />;
}
