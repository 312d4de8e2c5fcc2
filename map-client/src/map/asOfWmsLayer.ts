// A catalog layer as it was on a date: one WMS image of the version current then (the WMS's TIME, a date
// meaning the end of that day, Beijing time), redrawn as the view moves. Vector tiles carry only the
// current version, so every as-of layer, vector or imagery, is drawn this way.
import ImageLayer from 'ol/layer/Image.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import type { LayerSummary } from '../api/types';
import { LAYER_CODE_PROPERTY } from './vectorTileLayer';

export const WMS_PATH = '/wms';
/** Marks a layer drawn by the WMS, which identify asks with GetFeatureInfo. */
export const DRAWN_BY_WMS_PROPERTY = 'drawnByWms';

export function wmsLayerName(code: string): string {
  return `ob:${code}`;
}

/** Told when an image of the layer fails (true) or arrives after all (false). */
export type DrawFailure = (code: string, failed: boolean) => void;

export function createAsOfWmsLayer(
  summary: LayerSummary,
  asOf: string,
  className?: string,
  onFailure?: DrawFailure,
): ImageLayer<ImageWMS> {
  const layer = new ImageLayer({
    source: new ImageWMS({
      url: WMS_PATH,
      params: {
        LAYERS: wmsLayerName(summary.code),
        FORMAT: 'image/png',
        TRANSPARENT: true,
        TIME: asOf,
      },
      projection: 'EPSG:3857',
      ratio: 1,
      crossOrigin: 'anonymous',
    }),
    // No extent: the catalog's is the current version's, and an earlier version may reach beyond it.
    ...(className ? { className } : {}),
    properties: { [LAYER_CODE_PROPERTY]: summary.code, [DRAWN_BY_WMS_PROPERTY]: true },
  });
  const source = layer.getSource();
  if (onFailure && source) {
    source.on('imageloaderror', () => onFailure(summary.code, true));
    source.on('imageloadend', () => onFailure(summary.code, false));
  }
  return layer;
}

/** Asks the WMS again for every as-of image of `code` (after a failure). */
export function redrawWmsLayers(
  layers: Array<{ get: (key: string) => unknown; getSource?: () => unknown }>,
  code: string,
): void {
  for (const layer of layers) {
    if (layer.get(LAYER_CODE_PROPERTY) !== code || layer.get(DRAWN_BY_WMS_PROPERTY) !== true) continue;
    const source = layer.getSource?.();
    if (source instanceof ImageWMS) source.refresh();
  }
}
