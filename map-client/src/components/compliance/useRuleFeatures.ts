// The features of the rule set's layers the preview evaluates against, fetched from the features API in
// EPSG:4490 for a bounded box: the map's extent when zoomed in far enough, and always the site's
// surroundings (as far as the farthest setback reaches, plus a margin). A new box is fetched only when the
// needed one is not inside the loaded one, a short while after the map stops moving; each layer brings at
// most FEATURE_LIMIT features, and says whether that was all of them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { transformExtent } from 'ol/proj.js';
import type { BBox } from 'geojson';
import { fetchFeaturesInBox } from '../../api/compliance';
import type { LoadedLayer } from '../../compliance/preview';
import { toLayerFeatures } from '../../compliance/preview';
import { growBox } from '../../compliance/polygonOps';
import { CGCS2000 } from '../../map/registerProjections';

/** features one request brings per layer */
export const FEATURE_LIMIT = 5000;
/** the largest map extent loaded, in degrees of longitude and latitude (about 11 × 8 km in the city) */
const MAX_VIEW_SPAN_DEG = 0.15;
/** the margin loaded around the site beyond the rules' reach, so small edits need no new request */
const SITE_MARGIN_M = 800;
const SETTLE_MS = 250;

export type FeatureLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; box: BBox; layers: Map<string, LoadedLayer> };

function contains(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function union(a: BBox | null, b: BBox | null): BBox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function viewBox(map: OlMap): BBox | null {
  const size = map.getSize();
  if (!size) return null;
  const extent = transformExtent(
    map.getView().calculateExtent(size),
    map.getView().getProjection(),
    CGCS2000,
  );
  const box: BBox = [extent[0]!, extent[1]!, extent[2]!, extent[3]!];
  return box[2] - box[0] <= MAX_VIEW_SPAN_DEG && box[3] - box[1] <= MAX_VIEW_SPAN_DEG ? box : null;
}

export function useRuleFeatures(
  map: OlMap | null,
  layers: string[] | null,
  siteBox: BBox | null,
  reachM: number,
): { load: FeatureLoad; retry: () => void } {
  const [load, setLoad] = useState<FeatureLoad>({ status: 'idle' });
  const loadedBoxRef = useRef<BBox | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const [viewTick, setViewTick] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const layersKey = layers?.join(',') ?? '';

  useEffect(() => {
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setViewTick((n) => n + 1), SETTLE_MS);
    };
    map.on('moveend', onMove);
    return () => {
      clearTimeout(timer);
      map.un('moveend', onMove);
    };
  }, [map]);

  useEffect(() => {
    loadedBoxRef.current = null;
  }, [layersKey, attempt]);

  useEffect(() => {
    if (!map || !layers || layers.length === 0) return;
    const siteNeed = siteBox ? growBox(siteBox, reachM + SITE_MARGIN_M) : null;
    const fromView = viewBox(map);
    const needed = siteNeed
      ? fromView && contains(growBox(siteNeed, 2000), fromView)
        ? union(siteNeed, fromView)
        : siteNeed
      : fromView;
    if (!needed) return;
    if (loadedBoxRef.current && contains(loadedBoxRef.current, siteNeed ?? needed)) return;
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    loadedBoxRef.current = needed;
    setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    const box = needed as [number, number, number, number];
    Promise.all(
      layers.map(async (layer): Promise<LoadedLayer> => {
        const collection = await fetchFeaturesInBox(layer, box, FEATURE_LIMIT, controller.signal);
        return {
          layer,
          box,
          features: toLayerFeatures(layer, collection.features),
          complete: collection.numberMatched <= collection.features.length,
        };
      }),
    ).then(
      (loaded) => {
        if (!controller.signal.aborted)
          setLoad({ status: 'ready', box, layers: new Map(loaded.map((l) => [l.layer, l])) });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        loadedBoxRef.current = null;
        setLoad({ status: 'error', error });
      },
    );
    // the site's box by value: a new array on each edit must not start a request by itself
  }, [map, layersKey, siteBox?.join(','), reachM, viewTick, attempt]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
