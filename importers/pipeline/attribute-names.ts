// Matches a source's attribute names to the layer's: exactly, else ignoring case (KML writes "Name"),
// else by the 10-character prefix a .dbf keeps (land_use_code arrives as land_use_c); and reads values as
// the layer's types (CSV gives text; a code such as 0701 must stay text, a plot ratio become a number).
import type { AttributeDefinition } from '../../layers';

export type AttributeMapping = Record<string, string>;

export function attributeMapping(sourceNames: string[], schema: AttributeDefinition[]): AttributeMapping {
  const mapping: AttributeMapping = {};
  const targets = schema.map((a) => a.name);
  for (const name of sourceNames) {
    if (targets.includes(name)) continue;
    const lower = name.toLowerCase();
    const byCase = targets.filter((t) => t.toLowerCase() === lower);
    const byPrefix =
      name.length === 10
        ? targets.filter((t) => t.length > 10 && t.slice(0, 10).toLowerCase() === lower)
        : [];
    const match = byCase.length === 1 ? byCase[0] : byPrefix.length === 1 ? byPrefix[0] : undefined;
    if (match && !sourceNames.includes(match)) mapping[name] = match;
  }
  return mapping;
}

export function renameAttributes(
  properties: Record<string, unknown>,
  mapping: AttributeMapping,
): Record<string, unknown> {
  if (Object.keys(mapping).length === 0) return properties;
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [mapping[k] ?? k, v]));
}

/** Converts values to the types the layer's schema gives them, where that is lossless. */
export function coerceToSchema(
  properties: Record<string, unknown>,
  schema: AttributeDefinition[],
): Record<string, unknown> {
  const out = { ...properties };
  for (const attribute of schema) {
    const value = out[attribute.name];
    if (value === undefined || value === null) continue;
    if (
      (attribute.type === 'number' || attribute.type === 'integer') &&
      typeof value === 'string' &&
      value.trim() !== ''
    ) {
      const number = Number(value);
      if (Number.isFinite(number)) out[attribute.name] = number;
    } else if (attribute.type === 'string' && typeof value === 'number') {
      out[attribute.name] = String(value);
    }
  }
  return out;
}
