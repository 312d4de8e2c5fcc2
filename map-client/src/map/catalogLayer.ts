// The OpenLayers layer for one catalog layer as the workbench draws it: its current version from tiles
// (vector tiles, or PNG tiles for imagery), or as of a date from the WMS.
import type BaseLayer from 'ol/layer/Base.js';
import type { LayerSummary } from '../api/types';
import { createAsOfWmsLayer, type DrawFailure } from './asOfWmsLayer';
import { createImageryTileLayer } from './imageryTileLayer';
import { createVectorTileLayer } from './vectorTileLayer';

export function createCatalogLayer(
  summary: LayerSummary & { tiles: string },
  asOf: string | null,
  className?: string,
  onFailure?: DrawFailure,
): BaseLayer {
  if (asOf) return createAsOfWmsLayer(summary, asOf, className, onFailure);
  return summary.geometryType === 'Raster'
    ? createImageryTileLayer(summary, className)
    : createVectorTileLayer(summary, className);
}
