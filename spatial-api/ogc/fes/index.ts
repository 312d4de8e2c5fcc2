// OGC Filter Encoding 2.0 as parameterised PostGIS SQL, for the WFS 2.0 GetFeature FILTER parameter.
export { filterToSql } from './to-sql';
export type { FilterContext, FilterProperty, FilterSql } from './filter-context';
