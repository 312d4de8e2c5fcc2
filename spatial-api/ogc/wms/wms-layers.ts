// The layers the WMS publishes: every catalog layer with a current version, vector and imagery alike,
// named `ob:<code>` as in the WFS, and how a requested name is resolved.
import type { CatalogSnapshot, LayerSummary } from '../../../layers';
import { NAMESPACE_PREFIX, typeNameOf } from '../feature-types';
import { OgcException } from '../ogc-exception';

export interface WmsLayer {
  summary: LayerSummary;
  /** the name clients request, e.g. ob:land_use_plan */
  name: string;
  /** imagery drawn from a raster file rather than from features */
  raster: boolean;
}

export function isRasterLayer(layer: LayerSummary): boolean {
  return layer.geometryType === 'Raster' || layer.kind === 'imagery';
}

export function publishedWmsLayers(catalog: CatalogSnapshot): WmsLayer[] {
  return catalog.layers
    .filter((l) => l.version !== null)
    .map((summary) => ({ summary, name: typeNameOf(summary.code), raster: isRasterLayer(summary) }));
}

/** Resolves `ob:code` or a bare `code`; an unknown name is LayerNotDefined at `locator`. */
export function resolveWmsLayer(layers: WmsLayer[], requested: string, locator: string): WmsLayer {
  const name = requested.trim();
  const code = name.startsWith(`${NAMESPACE_PREFIX}:`) ? name.slice(NAMESPACE_PREFIX.length + 1) : name;
  const found = layers.find((l) => l.summary.code === code);
  if (!found) {
    throw new OgcException(
      'LayerNotDefined',
      locator,
      `未知的图层“${requested}” / layer ${requested} is not defined: see GetCapabilities`,
    );
  }
  return found;
}
