// The layers the OGC services publish: every vector layer with a current version is a WFS feature type
// and a WMS layer, named `ob:<code>`, with its attribute schema as properties.
import type { Pool } from 'pg';
import {
  isRasterLayer,
  resolveServiceLayerName,
  SERVICE_NAMESPACE_PREFIX,
  SERVICE_NAMESPACE_URI,
  serviceLayerName,
  type AttributeDefinition,
  type LayerSummary,
} from '../../layers';
import type { LayerVisibility } from './layer-visibility';
import { OgcException } from './ogc-exception';
import { requestCatalog } from '../request-catalog';

export const NAMESPACE_PREFIX = SERVICE_NAMESPACE_PREFIX;
export const NAMESPACE_URI = SERVICE_NAMESPACE_URI;

export interface FeatureType {
  layer: LayerSummary;
  /** qualified name, e.g. ob:land_use_plan */
  typeName: string;
  properties: AttributeDefinition[];
  /** the current version, which GetFeature reads */
  versionId: string;
}

export const typeNameOf = serviceLayerName;

/** The feature types, of the layers `visible` lets the caller see. */
export async function publishedFeatureTypes(pool: Pool, visible: LayerVisibility): Promise<FeatureType[]> {
  const catalog = await requestCatalog(pool);
  return catalog.layers.filter(visible).flatMap((layer) => {
    const versionId = catalog.current.get(layer.code)?.versionId;
    if (!versionId || isRasterLayer(layer)) return [];
    return [{ layer, typeName: typeNameOf(layer.code), properties: layer.attributeSchema, versionId }];
  });
}

/** Resolves a feature type name by the services' one naming rule; throws an OGC exception naming the parameter. */
export function resolveFeatureType(types: FeatureType[], name: string, locator: string): FeatureType {
  const code = resolveServiceLayerName(name);
  const found = code === null ? undefined : types.find((t) => t.layer.code === code);
  if (!found) {
    throw new OgcException(
      'InvalidParameterValue',
      locator,
      `未知的要素类型“${name}” / unknown feature type ${name}`,
    );
  }
  return found;
}
