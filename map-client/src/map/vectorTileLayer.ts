// One catalog layer as an OpenLayers vector-tile layer reading spatial-api's MVT tiles (EPSG:3857 XYZ,
// one source layer named after the layer code). A dense layer (half a million parcels) is drawn from its
// PNG tiles below the zoom the catalog names, and from its vector tiles above.
import MVT from 'ol/format/MVT.js';
import LayerGroup from 'ol/layer/Group.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import XYZ from 'ol/source/XYZ.js';
import type { LayerSummary } from '../api/types';
import { toViewExtent } from './extent';
import { FALLBACK_STYLE, toOlStyle } from './geostylerStyle';

export const LAYER_CODE_PROPERTY = 'layerCode';
/** Where the MVT reader puts the source-layer name; not "layer", which a real attribute may be called. */
export const SOURCE_LAYER_PROPERTY = '__sourceLayer';

/**
 * `className` gives the layer a canvas of its own (OpenLayers shares one canvas among layers of the same
 * class): the swipe clips such a layer without touching the others.
 */
export function createVectorTileLayer(
  summary: LayerSummary & { tiles: string },
  className?: string,
): BaseLayer {
  const extent = summary.extent ? toViewExtent(summary.extent) : undefined;
  const switchZoom = summary.imageTiles ? summary.imageTilesBelowZoom : null;
  const layer = new VectorTileLayer({
    source: new VectorTileSource({
      format: new MVT({ layers: [summary.code], layerName: SOURCE_LAYER_PROPERTY }),
      url: summary.tiles,
    }),
    // Tiles outside the data are never requested.
    extent,
    minZoom: switchZoom ?? undefined,
    style: FALLBACK_STYLE,
    ...(className ? { className } : {}),
    properties: { [LAYER_CODE_PROPERTY]: summary.code },
  });
  // The converted style replaces the fallback as soon as it is ready; conversion never rejects.
  void toOlStyle(summary.style, summary.code).then((style) => layer.setStyle(style));
  if (switchZoom === null || !summary.imageTiles) return layer;
  const image = new TileLayer({
    source: new XYZ({ url: summary.imageTiles, crossOrigin: 'anonymous' }),
    extent,
    maxZoom: switchZoom,
    ...(className ? { className } : {}),
    properties: { [LAYER_CODE_PROPERTY]: summary.code },
  });
  return new LayerGroup({ layers: [image, layer], properties: { [LAYER_CODE_PROPERTY]: summary.code } });
}

/** The catalog code of a layer made by createVectorTileLayer, or undefined for any other layer. */
export function layerCodeOf(layer: BaseLayer): string | undefined {
  const code: unknown = layer.get(LAYER_CODE_PROPERTY);
  return typeof code === 'string' ? code : undefined;
}
