// Which attributes go into a vector tile: all of them from zoom 13 on; below, only the feature key and
// the attributes the layer's style filters on, which is all a small-scale map needs to draw and pick.
import type { LayerSummary } from '../../layers';

export const FULL_ATTRIBUTES_FROM_ZOOM = 13;

function filterProperties(filter: unknown, out: Set<string>): void {
  if (!Array.isArray(filter)) return;
  const [operator, first, ...rest] = filter as unknown[];
  if (
    typeof operator === 'string' &&
    ['==', '!=', '<', '<=', '>', '>=', '*='].includes(operator) &&
    typeof first === 'string'
  ) {
    out.add(first);
  }
  for (const part of [first, ...rest]) filterProperties(part, out);
}

/** The attribute names to keep at zoom z, or undefined for all of them. */
export function tileAttributes(
  layer: Pick<LayerSummary, 'style' | 'attributeSchema'>,
  z: number,
): string[] | undefined {
  if (z >= FULL_ATTRIBUTES_FROM_ZOOM) return undefined;
  const names = new Set<string>();
  const style = layer.style as { rules?: { filter?: unknown }[] } | null;
  for (const rule of style?.rules ?? []) filterProperties(rule.filter, names);
  for (const attribute of layer.attributeSchema) if (attribute.key) names.add(attribute.name);
  return [...names];
}
