// What may become a name outside our database: a layer code (a view, a GeoServer feature type, style and
// tile layer are named after it) and attribute names (view columns). Checked here so a bad name is refused
// with a clear message before any SQL or HTTP request is made; the database checks again.
import { VECTOR_GEOMETRY_TYPES, type VectorGeometryType } from '../geometry-types';
import type { AttributeDefinition } from '../catalog/layer-catalog';
import { PublishingError } from './publishing-error';

/** The catalog's own rule for layer codes (layers.code CHECK constraint). */
const LAYER_CODE = /^[a-z][a-z0-9_]{1,62}$/;

/** Letters (Chinese too), digits and underscores, not starting with a digit; PostgreSQL keeps 63 bytes. */
const ATTRIBUTE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const MAX_IDENTIFIER_BYTES = 63;

/** Columns every published view has besides the attributes. */
export const VIEW_COLUMNS = ['fid', 'feature_key', 'geom'] as const;

export const ATTRIBUTE_TYPES = ['string', 'integer', 'number', 'date', 'boolean'] as const;

export { VECTOR_GEOMETRY_TYPES, type VectorGeometryType };

export function checkLayerCode(code: unknown): string {
  if (typeof code !== 'string' || !LAYER_CODE.test(code)) {
    throw new PublishingError(
      'invalid_layer_code',
      `不是有效的图层编码 / not a layer code: ${JSON.stringify(code)} (lower-case letters, digits and _, 2 to 63 characters, starting with a letter)`,
      { parameter: 'code', value: code },
    );
  }
  return code;
}

export function checkGeometryType(code: string, geometryType: unknown): VectorGeometryType {
  if (!VECTOR_GEOMETRY_TYPES.includes(geometryType as VectorGeometryType)) {
    throw new PublishingError(
      'not_a_vector_layer',
      `图层“${code}”不是矢量图层，无法发布为要素类型 / layer "${code}" has no vector geometry (${String(geometryType)}) and cannot be published as a feature type`,
      { parameter: 'geometryType', value: geometryType },
    );
  }
  return geometryType as VectorGeometryType;
}

/** The attributes as {name, type}, refusing names that cannot be a column and types we cannot read. */
export function checkAttributes(
  code: string,
  schema: readonly AttributeDefinition[],
): { name: string; type: AttributeDefinition['type'] }[] {
  if (!Array.isArray(schema)) {
    throw new PublishingError(
      'invalid_attribute_schema',
      `图层“${code}”的属性结构不是数组 / the attribute schema of layer "${code}" is not an array`,
      { parameter: 'attributeSchema' },
    );
  }
  const seen = new Set<string>(VIEW_COLUMNS);
  return schema.map((attribute) => {
    const name: unknown = attribute?.name;
    if (
      typeof name !== 'string' ||
      !ATTRIBUTE_NAME.test(name) ||
      Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES
    ) {
      throw new PublishingError(
        'invalid_attribute_name',
        `图层“${code}”的属性名不能用作字段名 / attribute name ${JSON.stringify(name)} of layer "${code}" cannot be a column name (letters, digits and _, at most 63 bytes)`,
        { parameter: 'attributeSchema', value: name },
      );
    }
    if (seen.has(name)) {
      throw new PublishingError(
        'invalid_attribute_name',
        `图层“${code}”的属性“${name}”重复或与fid、feature_key、geom冲突 / attribute "${name}" of layer "${code}" appears twice or clashes with fid, feature_key or geom`,
        { parameter: 'attributeSchema', value: name },
      );
    }
    seen.add(name);
    if (!ATTRIBUTE_TYPES.includes(attribute.type)) {
      throw new PublishingError(
        'invalid_attribute_type',
        `图层“${code}”的属性“${name}”类型未知 / attribute "${name}" of layer "${code}" has an unknown type ${JSON.stringify(attribute.type)}`,
        { parameter: 'attributeSchema', value: attribute.type },
      );
    }
    return { name, type: attribute.type };
  });
}
