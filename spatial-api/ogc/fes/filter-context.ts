// What filterToSql needs to know about the feature type it filters, and what it returns: a boolean SQL
// expression over the alias `f` (a row of layer_features) with its bound values.

export interface FilterProperty {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
}

export interface FilterContext {
  /** the feature type's attributes (from its attribute schema) */
  properties: FilterProperty[];
  /** the geometry property's name, with or without a prefix, e.g. 'geom' or 'ob:geom' */
  geometryName: string;
  /** the first $n placeholder the filter may use; the caller already uses $1..$(n-1) */
  firstParameter: number;
}

export interface FilterSql {
  /** a boolean SQL expression over alias f, with placeholders from $firstParameter on */
  sql: string;
  /** the values of those placeholders, in order */
  values: unknown[];
}
