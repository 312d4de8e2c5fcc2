// The layers the OGC services publish: every vector layer with a current version is a WFS feature type
// and a WMS layer, named `ob:<code>`, with its attribute schema as properties.
import type { Pool } from 'pg';
import { readCatalog, type AttributeDefinition, type LayerSummary } from '../../layers';
import type { LayerVisibility } from './layer-visibility';
import { OgcException } from './ogc-exception';

export const NAMESPACE_PREFIX = 'ob';
export const NAMESPACE_URI = 'https://one-blueprint.example/ows';

export interface FeatureType {
  layer: LayerSummary;
  /** qualified name, e.g. ob:land_use_plan */
  typeName: string;
  properties: AttributeDefinition[];
  /** the current version, which GetFeature reads */
  versionId: string;
}

export function typeNameOf(code: string): string {
  return `${NAMESPACE_PREFIX}:${code}`;
}

/** The feature types, of the layers `visible` lets the caller see. */
export async function publishedFeatureTypes(pool: Pool, visible: LayerVisibility): Promise<FeatureType[]> {
  const catalog = await readCatalog(pool);
  return catalog.layers.filter(visible).flatMap((layer) => {
    const versionId = catalog.current.get(layer.code)?.versionId;
    if (!versionId || layer.geometryType === 'Raster') return [];
    return [{ layer, typeName: typeNameOf(layer.code), properties: layer.attributeSchema, versionId }];
  });
}

/** Resolves `ob:code`, `code` or `{namespace}code`; throws an OGC exception naming the parameter. */
export function resolveFeatureType(types: FeatureType[], name: string, locator: string): FeatureType {
  const local = name.replace(/^\{[^}]*\}/, '').replace(/^[A-Za-z_][\w.-]*:/, '');
  const found = types.find((t) => t.layer.code === local);
  if (!found) {
    throw new OgcException(
      'InvalidParameterValue',
      locator,
      `未知的要素类型“${name}” / unknown feature type ${name}`,
    );
  }
  return found;
}
