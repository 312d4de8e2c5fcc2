// Checks made on each feature as it streams in, before PostGIS sees it: a geometry at all, a geometry kind
// the layer accepts (one kind per file), finite coordinates, rings that close, coordinates in range, and
// a bound on vertices. Each problem rejects that one feature; only the vertex bound stops the file.
import type { Geometry, Position } from 'geojson';
import { describeExtent, geometryExtent, looksGeographic, type Extent } from '../crs/coordinate-ranges';
import { ImportError } from '../import-error';

export const DEFAULT_MAX_VERTICES = 1_000_000;

export type GeometryFamily = 'point' | 'line' | 'polygon';

const FAMILY: Record<string, GeometryFamily> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

export function familyOfLayer(geometryType: string): GeometryFamily | undefined {
  return FAMILY[geometryType];
}

export interface GeometryProblem {
  code:
    | 'missing_geometry'
    | 'geometry_type_mismatch'
    | 'out_of_range'
    | 'unclosed_ring'
    | 'invalid_ring'
    | 'invalid_coordinate'
    | 'empty_geometry';
  message: string;
  details?: Record<string, unknown>;
}

function ringsOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    default:
      return [];
  }
}

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/**
 * Tracks the geometry kinds of a file: a feature of another kind than the layer holds (or, for a layer
 * of any kind, than the first feature of the file) is a mismatch, reported for that feature alone.
 */
export class GeometryKindGuard {
  private expected: { family: GeometryFamily; type: string; feature: number } | undefined;

  constructor(private readonly layerGeometryType: string) {
    const family = familyOfLayer(layerGeometryType);
    if (family) this.expected = { family, type: layerGeometryType, feature: 0 };
  }

  problem(geometry: Geometry, feature: number): GeometryProblem | undefined {
    const family = FAMILY[geometry.type];
    if (family && !this.expected) this.expected = { family, type: geometry.type, feature };
    if (family && family === this.expected?.family) return undefined;
    const details = { type: geometry.type, expected: this.expected?.type ?? null };
    if (!family) {
      return {
        code: 'geometry_type_mismatch',
        message: `几何类型是${geometry.type}，不能导入 / a ${geometry.type} cannot be imported`,
        details,
      };
    }
    const expected = this.expected as NonNullable<typeof this.expected>;
    return {
      code: 'geometry_type_mismatch',
      message:
        expected.feature === 0
          ? `几何类型是${geometry.type}，而图层的几何类型是${this.layerGeometryType} / a ${geometry.type} in a layer of ${this.layerGeometryType}`
          : `几何类型是${geometry.type}，而文件第${expected.feature}个要素是${expected.type}；请每种几何类型单独成层 / a ${geometry.type} in a file of ${expected.type} (feature ${expected.feature}): import one geometry type per layer`,
      details: expected.feature === 0 ? { ...details, layerGeometryType: this.layerGeometryType } : details,
    };
  }
}

export const MISSING_GEOMETRY: GeometryProblem = {
  code: 'missing_geometry',
  message: '要素没有几何图形 / the feature has no geometry',
};

/**
 * Coordinates out of range: outside the decided CRS's range in China in the source (the extent given),
 * or, once converted to EPSG:4490, not longitude/latitude in China; undefined when in range.
 */
export function outOfRangeProblem(
  geometry: Geometry | null,
  source: { extent: Extent | null; fitsCrs: boolean } | undefined,
  crs: string,
): GeometryProblem | undefined {
  const converted = geometryExtent(geometry);
  const inRange = converted !== null && looksGeographic(converted) && (source?.fitsCrs ?? true);
  if (inRange || (geometry === null && !source?.extent)) return undefined;
  const shown = source?.extent ?? converted;
  const where = shown ? describeExtent(shown) : '';
  return {
    code: 'out_of_range',
    message:
      geometry === null
        ? `坐标${where}无法从${crs}转换，超出其有效范围 / the coordinates ${where} cannot be converted from ${crs}: out of its range`
        : `坐标${where}超出${crs}在中国境内的范围 / the coordinates ${where} are outside the range of ${crs} in China`,
    details: { crs, ...(shown ? { extent: shown } : {}) },
  };
}

/** The one problem that stops a file: a feature too large to check at all. */
export function tooManyVertices(feature: number, vertices: number, limit: number): ImportError {
  return new ImportError(
    'too_many_vertices',
    `第${feature}个要素有${vertices}个节点，超过上限${limit}；请简化或拆分 / feature ${feature} has ${vertices} vertices, over the limit of ${limit}: simplify or split it`,
    { feature, vertices, limit },
  );
}

/** The first problem of a geometry, or undefined. Throws for a feature over the vertex bound. */
export function geometryProblem(
  geometry: Geometry,
  feature: number,
  maxVertices = DEFAULT_MAX_VERTICES,
): GeometryProblem | undefined {
  const positions = positionsOf(geometry);
  if (positions.length > maxVertices) throw tooManyVertices(feature, positions.length, maxVertices);
  if (positions.length === 0)
    return { code: 'empty_geometry', message: '几何图形为空 / the geometry is empty' };
  if (positions.some((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
    return { code: 'invalid_coordinate', message: '坐标不是有限数值 / a coordinate is not a finite number' };
  }
  for (const ring of ringsOf(geometry)) {
    if (ring.length < 4)
      return {
        code: 'invalid_ring',
        message: `环只有${ring.length}个点，至少需要4个 / a ring has ${ring.length} points, at least 4 are needed`,
      };
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return {
        code: 'unclosed_ring',
        message: '环未闭合（首尾点不一致） / a ring does not close (its first and last points differ)',
      };
    }
  }
  return undefined;
}
