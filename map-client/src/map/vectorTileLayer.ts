// One catalog layer as an OpenLayers vector-tile layer reading spatial-api's MVT tiles (EPSG:3857 XYZ,
// one source layer named after the layer code).
import MVT from 'ol/format/MVT.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import type { LayerSummary } from '../api/types';
import { toViewExtent } from './extent';
import { FALLBACK_STYLE, toOlStyle } from './geostylerStyle';

export const LAYER_CODE_PROPERTY = 'layerCode';
/** Where the MVT reader puts the source-layer name; not "layer", which a real attribute may be called. */
export const SOURCE_LAYER_PROPERTY = '__sourceLayer';

export function createVectorTileLayer(summary: LayerSummary & { tiles: string }): VectorTileLayer {
  const layer = new VectorTileLayer({
    source: new VectorTileSource({
      format: new MVT({ layers: [summary.code], layerName: SOURCE_LAYER_PROPERTY }),
      url: summary.tiles,
    }),
    // Tiles outside the data are never requested.
    extent: summary.extent ? toViewExtent(summary.extent) : undefined,
    style: FALLBACK_STYLE,
    properties: { [LAYER_CODE_PROPERTY]: summary.code },
  });
  // The converted style replaces the fallback as soon as it is ready; conversion never rejects.
  void toOlStyle(summary.style, summary.code).then((style) => layer.setStyle(style));
  return layer;
}

/** The catalog code of a layer made by createVectorTileLayer, or undefined for any other layer. */
export function layerCodeOf(layer: BaseLayer): string | undefined {
  const code: unknown = layer.get(LAYER_CODE_PROPERTY);
  return typeof code === 'string' ? code : undefined;
}
