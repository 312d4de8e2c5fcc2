// The GetMap parameters of WMS 1.3.0 (7.3.2) checked one by one, each fault an OGC exception naming the
// parameter; TIME (ISO 8601) picks the layer versions current at that moment.
import { crsDefinition } from '../../../layers';
import { parseBbox, parseCrs, type RequestCrs } from '../crs';
import type { Kvp } from '../kvp';
import { OgcException } from '../ogc-exception';
import { imageFormat, type ImageFormat } from './formats';
import { parseBgColor, type Rgba } from './render/colors';
import { resolveWmsLayer, type WmsLayer } from './wms-layers';

/** Largest WIDTH and HEIGHT answered (advertised as MaxWidth / MaxHeight). */
export const MAX_IMAGE_SIZE = 4096;

export interface MapParams {
  layers: WmsLayer[];
  crs: RequestCrs;
  /** the SRID the map is drawn in: EPSG:4326 maps are drawn from EPSG:4490 data without a datum shift */
  srid: number;
  /** minX, minY, maxX, maxY with x = easting / longitude */
  bbox: [number, number, number, number];
  width: number;
  height: number;
  format: ImageFormat;
  /** null when the background stays transparent */
  background: Rgba | null;
  /** draw the versions current at this moment; null for the current versions */
  time: Date | null;
}

/** WMS 1.3.0 TIME: an ISO 8601 date or date-time; a date means the end of that day, Beijing time. */
export function parseTime(raw: string | undefined): Date | null {
  if (raw === undefined || /^current$/i.test(raw)) return null;
  const date = raw.match(/^(\d{4}-\d{2}-\d{2})$/);
  const instant = date
    ? new Date(`${date[1]}T23:59:59.999+08:00`)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw)
      ? new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? raw : `${raw}+08:00`)
      : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    throw new OgcException(
      'InvalidParameterValue',
      'TIME',
      `TIME应为ISO 8601日期或时间，例如2024-05-01或2024-05-01T12:00:00Z，而不是“${raw}” / TIME must be an ISO 8601 date or date-time`,
    );
  }
  return instant;
}

function parseBoolean(kvp: Kvp, name: string): boolean {
  const raw = kvp.get(name);
  if (raw === undefined || /^false$/i.test(raw)) return false;
  if (/^true$/i.test(raw)) return true;
  throw new OgcException(
    'InvalidParameterValue',
    name,
    `${name}应为TRUE或FALSE，而不是“${raw}” / ${name} must be TRUE or FALSE`,
  );
}

function checkStyles(kvp: Kvp, layers: WmsLayer[]): void {
  const styles = kvp.list('STYLES');
  if (styles.length === 0) return;
  if (styles.length !== layers.length && !(styles.length === 1 && layers.length === 1)) {
    throw new OgcException(
      'InvalidParameterValue',
      'STYLES',
      `STYLES应与LAYERS一一对应（${layers.length}个），或留空 / STYLES must list one style per layer (${layers.length}) or be empty`,
    );
  }
  for (const style of styles) {
    if (style !== '' && style.toLowerCase() !== 'default') {
      throw new OgcException(
        'StyleNotDefined',
        'STYLES',
        `未知的样式“${style}”，可用default / style ${style} is not defined: use default or leave it empty`,
      );
    }
  }
}

/** Whether the CRS counts in degrees of longitude and latitude. */
export function isGeographic(epsg: number): boolean {
  return crsDefinition(`EPSG:${epsg}`)?.proj4.includes('+proj=longlat') ?? false;
}

function geographicBboxInRange(bbox: [number, number, number, number]): boolean {
  const [minX, minY, maxX, maxY] = bbox;
  return minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
}

/** The parameters every map request shares (GetMap, and GetFeatureInfo which repeats them). */
export function parseMapParams(kvp: Kvp, catalog: WmsLayer[]): MapParams {
  const names = kvp.list('LAYERS');
  if (names.length === 0) kvp.require('LAYERS');
  const crs = parseCrs(kvp.require('CRS'), 'CRS', 'wms13');
  const bbox = parseBbox(kvp.require('BBOX'), crs);
  if (isGeographic(crs.epsg) && !geographicBboxInRange(bbox)) {
    throw new OgcException(
      'InvalidParameterValue',
      'BBOX',
      `BBOX超出经纬度范围 / BBOX lies outside ±180° longitude, ±90° latitude (check the axis order of ${crs.name})`,
    );
  }
  kvp.require('WIDTH');
  kvp.require('HEIGHT');
  const width = kvp.integer('WIDTH', undefined, 1, MAX_IMAGE_SIZE)!;
  const height = kvp.integer('HEIGHT', undefined, 1, MAX_IMAGE_SIZE)!;
  const format = imageFormat(kvp.get('FORMAT'));
  const transparent = parseBoolean(kvp, 'TRANSPARENT');
  const bgRaw = kvp.get('BGCOLOR');
  const bgColor = bgRaw === undefined ? ([255, 255, 255, 1] as Rgba) : parseBgColor(bgRaw);
  if (bgColor === null) {
    throw new OgcException(
      'InvalidParameterValue',
      'BGCOLOR',
      `BGCOLOR应为0xRRGGBB，而不是“${bgRaw}” / BGCOLOR must be 0xRRGGBB`,
    );
  }
  const time = parseTime(kvp.get('TIME'));
  const layers = names.map((name) => resolveWmsLayer(catalog, name, 'LAYERS'));
  checkStyles(kvp, layers);
  return {
    layers,
    crs,
    srid: crs.epsg === 4326 ? 4490 : crs.epsg,
    bbox,
    width,
    height,
    format,
    background: transparent && format.alpha ? null : bgColor,
    time,
  };
}

/** A PostGIS error transforming the frame (a BBOX far outside the CRS's area of use) as a BBOX fault. */
export function bboxTransformError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (/transform|latitude or longitude exceeded|coordinate outside/i.test(message)) {
    return new OgcException(
      'InvalidParameterValue',
      'BBOX',
      `BBOX无法在该坐标系中转换 / BBOX cannot be transformed: ${message}`,
    );
  }
  return error;
}
