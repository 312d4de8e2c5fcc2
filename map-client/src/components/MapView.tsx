// The map itself: creates the OpenLayers map once, adds one layer per displayable catalog layer (from
// tiles, or from the WMS when drawn as of a date), keeps visibility, opacity and drawing order in step
// with the layer panel, and draws the swipe's two sides clipped at the divider above everything.
import { useCallback, useEffect, useRef } from 'react';
import type BaseLayer from 'ol/layer/Base.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { DrawFailure } from '../map/asOfWmsLayer';
import { createCatalogLayer } from '../map/catalogLayer';
import { createMap, type MapHandle } from '../map/createMap';
import { cityViewExtent } from '../map/extent';
import { featuresAtPixel, type FeatureHit } from '../map/featuresAtPixel';
import { clipToSide, type SwipeSide } from '../map/swipeClip';
import { isDisplayable, zIndexOf, type LayerState } from '../state/layerState';
import { formatLayerRef, parseLayerRef, type LayerRef, type SwipeState } from '../state/viewState';

interface Props {
  /** null while the catalog is loading */
  layers: LayerSummary[] | null;
  layerState: LayerState;
  /** the features of vector layers under a click; pages that identify on their own leave it out */
  onFeaturesClicked?: (hits: FeatureHit[]) => void;
  /** the OpenLayers map once made (and null when it goes), for pages that add their own layers and tools */
  onMap?: (map: OlMap | null) => void;
  /** YYYY-MM-DD per layer drawn as of a date */
  asOf?: Readonly<Record<string, string>>;
  swipe?: SwipeState | null;
  /** an as-of layer's WMS image failed (true) or came (false), for a message with a retry */
  onDrawFailure?: DrawFailure;
  /** false when the page sets the view itself (a link with a centre): the map does not fit the city */
  fitToCity?: boolean;
}

const NO_DATES: Readonly<Record<string, string>> = {};
/** Above every catalog layer (whose zIndex is at most the number of layers). */
const SWIPE_Z_INDEX = 10_000;

function markReady(): void {
  document.body.dataset.mapReady = 'true';
}

interface DrawnLayer {
  layer: BaseLayer;
  asOf: string | null;
}

export function MapView({
  layers,
  layerState,
  onFeaturesClicked,
  onMap,
  asOf = NO_DATES,
  swipe = null,
  fitToCity = true,
  onDrawFailure,
}: Props) {
  const { t } = useI18n();
  const targetRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<MapHandle | null>(null);
  const drawnRef = useRef(new Map<string, DrawnLayer>());
  const onClickRef = useRef(onFeaturesClicked);
  const tRef = useRef(t);
  const onMapRef = useRef(onMap);
  const fitRef = useRef(fitToCity);
  const swipePositionRef = useRef(swipe?.position ?? 0.5);
  const onFailureRef = useRef(onDrawFailure);
  useEffect(() => {
    onFailureRef.current = onDrawFailure;
  }, [onDrawFailure]);
  const reportFailure = useCallback<DrawFailure>((code, failed) => onFailureRef.current?.(code, failed), []);

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
      onClickRef.current?.(featuresAtPixel(handle.map, event.pixel));
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

  // A new catalog (first load, a change of session) replaces every layer.
  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !layers) return;
    // The catalog arrives after the CRS definitions are registered, so EPSG:4490 is known here.
    handle.showMousePosition();
    const extent = cityViewExtent(layers);
    // Only the first catalog frames the city: after a sign-in the user's view (and the URL's) stays.
    if (extent) handle.fitTo(extent, fitRef.current);
    fitRef.current = false;
    const readyKey = handle.map.once('rendercomplete', markReady);
    const drawn = drawnRef.current;
    return () => {
      unByKey(readyKey);
      for (const { layer } of drawn.values()) {
        handle.map.removeLayer(layer);
        layer.dispose();
      }
      drawn.clear();
    };
  }, [layers]);

  // Each layer is (re)made when it is first needed or its as-of date changes.
  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !layers) return;
    const drawn = drawnRef.current;
    for (const summary of layers) {
      if (!isDisplayable(summary)) continue;
      const date = asOf[summary.code] ?? null;
      const existing = drawn.get(summary.code);
      if (existing && existing.asOf === date) continue;
      if (existing) {
        handle.map.removeLayer(existing.layer);
        existing.layer.dispose();
      }
      const layer = createCatalogLayer(summary, date, undefined, reportFailure);
      drawn.set(summary.code, { layer, asOf: date });
      handle.map.addLayer(layer);
    }
    handle.map.render();
  }, [layers, asOf, reportFailure]);

  // The swipe's two sides are layers of their own, each with its own canvas to clip; they are made
  // again only when a side names another layer or date (keys), not when the divider moves.
  const leftKey = swipe ? formatLayerRef(swipe.left) : null;
  const rightKey = swipe ? formatLayerRef(swipe.right) : null;
  useEffect(() => {
    const handle = handleRef.current;
    const leftSide = leftKey ? parseLayerRef(leftKey) : null;
    const rightSide = rightKey ? parseLayerRef(rightKey) : null;
    if (!handle || !layers || !leftSide || !rightSide) return;
    const made: Array<{ layer: BaseLayer; unclip: () => void }> = [];
    const sides: Array<[SwipeSide, LayerRef]> = [
      ['left', leftSide],
      ['right', rightSide],
    ];
    for (const [side, ref] of sides) {
      const summary = layers.find((layer) => layer.code === ref.code);
      if (!summary || !isDisplayable(summary)) continue;
      const layer = createCatalogLayer(summary, ref.asOf, `ob-swipe-${side}`, reportFailure);
      layer.setZIndex(SWIPE_Z_INDEX);
      const unclip = clipToSide(layer, side, () => swipePositionRef.current);
      handle.map.addLayer(layer);
      made.push({ layer, unclip });
    }
    return () => {
      for (const { layer, unclip } of made) {
        unclip();
        handle.map.removeLayer(layer);
        layer.dispose();
      }
    };
  }, [layers, leftKey, rightKey, reportFailure]);

  useEffect(() => {
    swipePositionRef.current = swipe?.position ?? 0.5;
    handleRef.current?.map.render();
  }, [swipe?.position]);

  useEffect(() => {
    // While swiping, the compared layers show only through the swipe, each on its side.
    const swiped = new Set(
      [leftKey, rightKey].map((key) => (key ? parseLayerRef(key)?.code : undefined)).filter(Boolean),
    );
    for (const [code, { layer }] of drawnRef.current) {
      const view = layerState.views[code];
      layer.setVisible((view?.visible ?? false) && !swiped.has(code));
      layer.setOpacity(view?.opacity ?? 1);
      layer.setZIndex(zIndexOf(layerState, code));
    }
  }, [layers, layerState, asOf, leftKey, rightKey]);

  return <div ref={targetRef} className="ob-map" data-testid="map" />;
}
