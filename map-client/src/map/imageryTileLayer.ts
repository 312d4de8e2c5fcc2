// An imagery layer as an OpenLayers tile layer reading spatial-api's PNG tiles (EPSG:3857 XYZ).
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import type { LayerSummary } from '../api/types';
import { toViewExtent } from './extent';
import { LAYER_CODE_PROPERTY } from './vectorTileLayer';

export function createImageryTileLayer(
  summary: LayerSummary & { tiles: string },
  className?: string,
): TileLayer<XYZ> {
  return new TileLayer({
    ...(className ? { className } : {}),
    source: new XYZ({ url: summary.tiles, crossOrigin: 'anonymous' }),
    extent: summary.extent ? toViewExtent(summary.extent) : undefined,
    properties: { [LAYER_CODE_PROPERTY]: summary.code },
  });
}
