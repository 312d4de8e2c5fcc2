// ResourceId (FES 2.0, 7.11; FeatureId and GmlObjectId in FES 1.1): selects features by their
// feature_key, the identifier WFS writes as the feature's gml:id.
import { filterError } from './filter-error';
import type { SqlParameters } from './parameters';
import { attributeOf, type XmlElement } from './xml-element';

export const RESOURCE_ID_OPERATORS = new Set(['ResourceId', 'FeatureId', 'GmlObjectId']);

export function resourceIdSql(elements: XmlElement[], parameters: SqlParameters): string {
  const ids = elements.map((element) => {
    const id = attributeOf(element, 'rid', 'fid', 'id')?.trim();
    if (!id) {
      throw filterError(`${element.localName}缺少rid属性`, `${element.localName} needs a rid attribute`);
    }
    return id;
  });
  return ids.length === 1
    ? `f.feature_key = ${parameters.add(ids[0])}`
    : `f.feature_key = ANY(${parameters.add(ids)}::text[])`;
}
