// A site from a GeoJSON file: the polygons of a geometry, a Feature or a FeatureCollection, and the CRS the
// file names (the old `crs` member; none means WGS84 by the format, taken as CGCS2000: they differ by
// centimetres).
import type { Geometry, Position } from 'geojson';
import { SiteFileError } from './siteFileError';

export interface FileSite {
  /** polygons, each a list of rings, in the file's CRS */
  polygons: Position[][][];
  /** EPSG code the coordinates are in */
  crs: string;
}

function crsOf(json: Record<string, unknown>): string {
  const crs = json.crs as { properties?: { name?: unknown } } | undefined;
  const name = crs?.properties?.name;
  if (typeof name !== 'string') return 'EPSG:4490';
  if (/CRS84$/i.test(name)) return 'EPSG:4490';
  const code = /EPSG:{1,2}(\d+)$/i.exec(name)?.[1];
  if (!code) throw new SiteFileError(`无法识别文件声明的坐标系：${name} / unknown crs ${name}`);
  return code === '4326' ? 'EPSG:4490' : `EPSG:${code}`;
}

function polygonsOf(geometry: Geometry | null | undefined, out: Position[][][]): void {
  if (!geometry) return;
  if (geometry.type === 'Polygon') out.push(geometry.coordinates);
  else if (geometry.type === 'MultiPolygon') out.push(...geometry.coordinates);
  else if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => polygonsOf(g, out));
}

export function readGeoJsonSite(text: string): FileSite {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SiteFileError(`不是有效的 GeoJSON：${(error as Error).message} / not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || !('type' in json))
    throw new SiteFileError('不是 GeoJSON 对象 / not a GeoJSON object');
  const object = json as Record<string, unknown> & { type: string };
  const polygons: Position[][][] = [];
  if (object.type === 'FeatureCollection') {
    for (const f of (object.features as { geometry?: Geometry }[] | undefined) ?? [])
      polygonsOf(f.geometry, polygons);
  } else if (object.type === 'Feature') {
    polygonsOf(object.geometry as Geometry, polygons);
  } else {
    polygonsOf(object as unknown as Geometry, polygons);
  }
  if (polygons.length === 0)
    throw new SiteFileError('文件中没有面要素，用地范围须为面 / the file holds no polygon');
  return { polygons, crs: crsOf(object) };
}
