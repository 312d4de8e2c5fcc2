// Reads an uploaded site file in the browser: GeoJSON (.geojson, .json) or boundary-coordinate text (.txt,
// UTF-8 or GBK), and turns it into one EPSG:4490 polygon or multipolygon with the projection given.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { readBoundaryText } from './readBoundaryText';
import { readGeoJsonSite, type FileSite } from './readGeoJsonSite';
import { SiteFileError } from './siteFileError';

export type Reproject = (crs: string, position: Position) => Position;

/** The file's text: UTF-8 when it decodes as such, else GBK (the bureau's older files). */
export function decodeSiteText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

export function parseSiteText(name: string, text: string): FileSite {
  if (/\.(geo)?json$/i.test(name) || /^\s*\{/.test(text)) return readGeoJsonSite(text);
  if (/\.txt$/i.test(name) || text.includes('[地块坐标]')) return readBoundaryText(text);
  throw new SiteFileError(`不支持的文件类型：${name}（支持 GeoJSON 与国土TXT）/ unsupported file type`);
}

export function toCgcs2000(site: FileSite, reproject: Reproject): Polygon | MultiPolygon {
  const polygons =
    site.crs === 'EPSG:4490'
      ? site.polygons
      : site.polygons.map((rings) => rings.map((ring) => ring.map((p) => reproject(site.crs, p))));
  for (const p of polygons.flat(2))
    if (!(Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90))
      throw new SiteFileError('坐标超出经纬度范围，请检查坐标系 / coordinates out of range: check the CRS');
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}
