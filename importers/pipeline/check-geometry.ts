// Checks made on each feature as it streams in, before PostGIS sees it: a geometry kind the layer
// accepts (one kind per file), finite coordinates, rings that close, and a bound on vertices.
import type { Geometry, Position } from 'geojson';
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
  code: 'unclosed_ring' | 'invalid_ring' | 'invalid_coordinate' | 'empty_geometry';
  message: string;
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
 * Tracks the geometry kinds of a file: a file mixing kinds (points with polygons) is refused whole,
 * as is a kind the layer does not hold.
 */
export class GeometryKindGuard {
  private seen: { family: GeometryFamily; type: string; feature: number } | undefined;

  constructor(private readonly layerGeometryType: string) {}

  accept(geometry: Geometry, feature: number): void {
    const family = FAMILY[geometry.type];
    if (!family) {
      throw new ImportError(
        'mixed_geometry_types',
        `第${feature}个要素是${geometry.type}，不能导入 / feature ${feature} is a ${geometry.type}, which cannot be imported`,
        { feature, type: geometry.type },
      );
    }
    if (this.seen && this.seen.family !== family) {
      throw new ImportError(
        'mixed_geometry_types',
        `文件混有不同几何类型：第${this.seen.feature}个要素是${this.seen.type}，第${feature}个是${geometry.type}；请每种几何类型单独成层 / the file mixes geometry types (${this.seen.type} at feature ${this.seen.feature}, ${geometry.type} at feature ${feature}): import one geometry type per layer`,
        { feature, type: geometry.type, firstType: this.seen.type, firstFeature: this.seen.feature },
      );
    }
    this.seen ??= { family, type: geometry.type, feature };
    const layerFamily = familyOfLayer(this.layerGeometryType);
    if (layerFamily && layerFamily !== family) {
      throw new ImportError(
        'geometry_type_mismatch',
        `图层的几何类型是${this.layerGeometryType}，文件中是${geometry.type} / the layer holds ${this.layerGeometryType}, the file has ${geometry.type}`,
        { feature, type: geometry.type, layerGeometryType: this.layerGeometryType },
      );
    }
  }
}

/** The first problem of a geometry, or undefined. Throws for a feature over the vertex bound. */
export function geometryProblem(
  geometry: Geometry,
  feature: number,
  maxVertices = DEFAULT_MAX_VERTICES,
): GeometryProblem | undefined {
  const positions = positionsOf(geometry);
  if (positions.length > maxVertices) {
    throw new ImportError(
      'too_many_vertices',
      `第${feature}个要素有${positions.length}个节点，超过上限${maxVertices}；请简化或拆分 / feature ${feature} has ${positions.length} vertices, over the limit of ${maxVertices}: simplify or split it`,
      { feature, vertices: positions.length, limit: maxVertices },
    );
  }
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
