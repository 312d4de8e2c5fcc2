// Identify: what lies under a click in every visible layer. Vector-tile layers answer from the features
// drawn; layers drawn by the WMS (as of a date) through GetFeatureInfo for the same date; imagery has no
// attributes and is only named. In a swipe only the side clicked on answers.
import type ImageLayer from 'ol/layer/Image.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import type ImageWMS from 'ol/source/ImageWMS.js';
import { containsCoordinate } from 'ol/extent.js';
import { callJson } from '../api/client';
import { DRAWN_BY_WMS_PROPERTY } from './asOfWmsLayer';
import { featuresAtPixel, type FeatureHit } from './featuresAtPixel';
import { showsAt } from './swipeClip';
import { layerCodeOf } from './vectorTileLayer';

const WMS_FEATURE_COUNT = 5;

export interface IdentifyFailure {
  layerCode: string;
  error: unknown;
}

export interface IdentifyResult {
  hits: FeatureHit[];
  /** visible imagery layers covering the place: named, without attributes */
  imagery: string[];
  /** layers whose GetFeatureInfo failed */
  failures: IdentifyFailure[];
}

interface InfoCollection {
  features?: Array<{ properties?: Record<string, unknown> | null }>;
}

export async function identify(
  map: OlMap,
  pixel: Pixel,
  options: { swipePosition: number; isImagery: (code: string) => boolean; signal?: AbortSignal },
): Promise<IdentifyResult> {
  const width = map.getSize()?.[0] ?? 0;
  const onClickedSide = (layer: Parameters<typeof showsAt>[0]) =>
    showsAt(layer, pixel[0] ?? 0, width, options.swipePosition);
  const hits = featuresAtPixel(map, pixel, onClickedSide);
  const coordinate = map.getCoordinateFromPixel(pixel);
  const resolution = map.getView().getResolution();
  const imagery: string[] = [];
  const asked: Array<Promise<FeatureHit[] | IdentifyFailure>> = [];
  for (const layer of map.getAllLayers()) {
    const code = layerCodeOf(layer);
    if (!code || !layer.getVisible() || !onClickedSide(layer)) continue;
    const extent = layer.getExtent();
    if (coordinate && extent && !containsCoordinate(extent, coordinate)) continue;
    if (options.isImagery(code)) {
      if (!imagery.includes(code)) imagery.push(code);
      continue;
    }
    if (layer.get(DRAWN_BY_WMS_PROPERTY) !== true || !coordinate || resolution === undefined) continue;
    const source = (layer as ImageLayer<ImageWMS>).getSource();
    const url = source?.getFeatureInfoUrl(coordinate, resolution, 'EPSG:3857', {
      INFO_FORMAT: 'application/json',
      FEATURE_COUNT: WMS_FEATURE_COUNT,
    });
    if (!url) continue;
    asked.push(
      callJson<InfoCollection>(url, { signal: options.signal }).then(
        (collection) =>
          (collection.features ?? []).map((feature) => ({
            layerCode: code,
            properties: feature.properties ?? {},
          })),
        (error: unknown) => ({ layerCode: code, error }),
      ),
    );
  }
  const failures: IdentifyFailure[] = [];
  for (const answer of await Promise.all(asked)) {
    if (Array.isArray(answer)) hits.push(...answer);
    else failures.push(answer);
  }
  return { hits, imagery, failures };
}
