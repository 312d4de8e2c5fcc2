// The layers the WMS publishes: every catalog layer with a current version, vector and imagery alike,
// named `ob:<code>` as in the WFS, and how a requested name is resolved.
import {
  isRasterLayer,
  resolveServiceLayerName,
  type CatalogSnapshot,
  type LayerSummary,
} from '../../../layers';
import { typeNameOf } from '../feature-types';
import { OgcException } from '../ogc-exception';

export interface WmsLayer {
  summary: LayerSummary;
  /** the name clients request, e.g. ob:land_use_plan */
  name: string;
  /** imagery drawn from a raster file rather than from features */
  raster: boolean;
}

export function publishedWmsLayers(catalog: CatalogSnapshot): WmsLayer[] {
  return catalog.layers
    .filter((l) => l.version !== null)
    .map((summary) => ({ summary, name: typeNameOf(summary.code), raster: isRasterLayer(summary) }));
}

/** Resolves a layer name by the services' one naming rule; an unknown name is LayerNotDefined at `locator`. */
export function resolveWmsLayer(layers: WmsLayer[], requested: string, locator: string): WmsLayer {
  const code = resolveServiceLayerName(requested);
  const found = code === null ? undefined : layers.find((l) => l.summary.code === code);
  if (!found) {
    throw new OgcException(
      'LayerNotDefined',
      locator,
      `未知的图层“${requested}” / layer ${requested} is not defined: see GetCapabilities`,
    );
  }
  return found;
}
