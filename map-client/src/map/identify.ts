// Identify: what lies under a click in every visible layer. A vector-tile layer answers from the features
// it drew when its tiles carry every attribute (from zoom 13; below, the server keeps only what the style
// needs); otherwise, and for layers drawn by the WMS (as of a date, or a dense layer's PNG tiles), the WMS
// answers through GetFeatureInfo for the same version. Imagery has no attributes and is only named. In a
// swipe only the side clicked on answers.
import { containsCoordinate } from 'ol/extent.js';
import type BaseLayer from 'ol/layer/Base.js';
import type ImageLayer from 'ol/layer/Image.js';
import type Layer from 'ol/layer/Layer.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import type VectorTileSource from 'ol/source/VectorTile.js';
import { callJson } from '../api/client';
import { DRAWN_BY_WMS_PROPERTY, WMS_PATH, wmsLayerName } from './asOfWmsLayer';
import { featuresAtPixel, type FeatureHit } from './featuresAtPixel';
import { showsAt } from './swipeClip';
import { layerCodeOf } from './vectorTileLayer';

const WMS_FEATURE_COUNT = 5;
/** The server's vector tiles carry every attribute from this zoom on (spatial-api/tiles/tile-attributes). */
const FULL_ATTRIBUTES_FROM_ZOOM = 13;

export interface IdentifyFailure {
  layerCode: string;
  error: unknown;
}

export interface IdentifyResult {
  hits: FeatureHit[];
  /** visible imagery layers at the place: named, without attributes */
  imagery: string[];
  /** layers whose GetFeatureInfo failed */
  failures: IdentifyFailure[];
}

interface InfoCollection {
  features?: Array<{ properties?: Record<string, unknown> | null }>;
}

/** Whether a vector-tile layer's tiles at this resolution carry all attributes. */
function tilesHaveAttributes(layer: Layer, resolution: number): boolean {
  if (!(layer instanceof VectorTileLayer)) return false;
  const source = layer.getSource() as VectorTileSource | null;
  const grid = source?.getTileGrid();
  return !!grid && grid.getZForResolution(resolution, source?.zDirection) >= FULL_ATTRIBUTES_FROM_ZOOM;
}

/** The WMS source to ask: the layer's own (it carries the as-of TIME), or one for the current version. */
function wmsSourceOf(layer: BaseLayer, code: string): ImageWMS {
  if (layer.get(DRAWN_BY_WMS_PROPERTY) === true) {
    const source = (layer as ImageLayer<ImageWMS>).getSource();
    if (source) return source;
  }
  return new ImageWMS({ url: WMS_PATH, params: { LAYERS: wmsLayerName(code) } });
}

export async function identify(
  map: OlMap,
  pixel: Pixel,
  options: { swipePosition: number; isImagery: (code: string) => boolean; signal?: AbortSignal },
): Promise<IdentifyResult> {
  const view = map.getView();
  const width = map.getSize()?.[0] ?? 0;
  const coordinate = map.getCoordinateFromPixel(pixel);
  const resolution = view.getResolution();
  const onClickedSide = (layer: BaseLayer) => showsAt(layer, pixel[0] ?? 0, width, options.swipePosition);

  // Per layer code, how it answers; a dense layer's PNG and vector leaves count as one.
  const fromTiles = new Set<string>();
  const fromWms = new Map<string, ImageWMS>();
  const imagery: string[] = [];
  const zoom = view.getZoom() ?? 0;
  // The layer states combine a group's visibility and zoom range with its layers' own.
  for (const state of map.getLayerGroup().getLayerStatesArray()) {
    const layer = state.layer;
    const code = layerCodeOf(layer);
    if (!code || !state.visible || !onClickedSide(layer) || resolution === undefined) continue;
    if (zoom <= state.minZoom || zoom > state.maxZoom) continue;
    if (resolution < state.minResolution || resolution >= state.maxResolution) continue;
    if (coordinate && state.extent && !containsCoordinate(state.extent, coordinate)) continue;
    if (options.isImagery(code)) {
      if (!imagery.includes(code)) imagery.push(code);
    } else if (tilesHaveAttributes(layer, resolution)) {
      fromTiles.add(code);
    } else if (!fromWms.has(code)) {
      fromWms.set(code, wmsSourceOf(layer, code));
    }
  }
  for (const code of fromTiles) fromWms.delete(code);
  const hits = featuresAtPixel(map, pixel, (layer) => onClickedSide(layer)).filter((hit) =>
    fromTiles.has(hit.layerCode),
  );

  const asked = [...fromWms].map(([code, source]) => {
    const url =
      coordinate && resolution !== undefined
        ? source.getFeatureInfoUrl(coordinate, resolution, view.getProjection(), {
            INFO_FORMAT: 'application/json',
            FEATURE_COUNT: WMS_FEATURE_COUNT,
          })
        : undefined;
    if (!url) return Promise.resolve<FeatureHit[]>([]);
    return callJson<InfoCollection>(url, { signal: options.signal }).then(
      (collection) =>
        (collection.features ?? []).map((feature) => ({
          layerCode: code,
          properties: feature.properties ?? {},
        })),
      (error: unknown): IdentifyFailure => ({ layerCode: code, error }),
    );
  });
  const failures: IdentifyFailure[] = [];
  for (const answer of await Promise.all(asked)) {
    if (Array.isArray(answer)) hits.push(...answer);
    else failures.push(answer);
  }
  return { hits, imagery, failures };
}
