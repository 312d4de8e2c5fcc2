// The geometry types a layer can hold (the check constraint on layers.geometry_type lists the same).
export const VECTOR_GEOMETRY_TYPES = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
] as const;
export type VectorGeometryType = (typeof VECTOR_GEOMETRY_TYPES)[number];

export const GEOMETRY_TYPES = [...VECTOR_GEOMETRY_TYPES, 'Raster'] as const;
