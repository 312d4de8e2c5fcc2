// OGC Filter Encoding 2.0 as parameterised PostGIS SQL, for the WFS 2.0 GetFeature FILTER parameter; and
// the safe XML reader it uses, for the XML encoding of WFS requests.
export { filterToSql } from './to-sql';
export { parseSafeXml } from './parse-xml';
export type { XmlSubject } from './parse-xml';
export { childrenNamed } from './xml-element';
export type { XmlElement } from './xml-element';
export type { FilterContext, FilterProperty, FilterSql } from './filter-context';
