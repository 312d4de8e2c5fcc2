// CRS names in OGC requests and the axis order they imply. Geographic CRSs and the Gauss-Krüger zones
// are defined by EPSG with the northing (latitude) first; URN and http names and WMS 1.3.0 follow that
// order, while the short "EPSG:n" form in WFS keeps x = easting/longitude (the GeoServer convention).
import { crsDefinition } from '../../layers';
import { OgcException } from './ogc-exception';

export interface RequestCrs {
  epsg: number;
  /** the name to write back in responses */
  name: string;
  /** whether coordinates in this request and its response put the northing / latitude first */
  northFirst: boolean;
}

/** EPSG codes whose axis order is northing/latitude first. */
export function isNorthFirstCrs(epsg: number): boolean {
  const geographic = [4490, 4326, 4610, 4214].includes(epsg);
  const gaussKruger = (epsg >= 4491 && epsg <= 4554) || (epsg >= 2327 && epsg <= 2442);
  return geographic || gaussKruger;
}

export type AxisConvention = 'wms13' | 'wfs';

/** The names of OGC's CRS84 (WGS 84, longitude first): WMS's short form, the URN and the URI. */
const CRS84_NAMES = [
  /^CRS:84$/i,
  /^OGC:CRS84$/i,
  /^urn:ogc:def:crs:OGC:(?:1\.3)?:CRS84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84$/i,
];

/** CRS84 as WFS 2.0 advertises it. */
export const CRS84_URN = 'urn:ogc:def:crs:OGC:1.3:CRS84';

export function parseCrs(name: string, locator: string, convention: AxisConvention): RequestCrs {
  const trimmed = name.trim();
  if (CRS84_NAMES.some((pattern) => pattern.test(trimmed))) {
    // WGS 84 longitude first; a URN or URI is written back as asked (GeoServer and WFS 2.0 clients send it)
    return { epsg: 4326, name: /^(urn|https?):/i.test(trimmed) ? trimmed : 'CRS:84', northFirst: false };
  }
  const match =
    trimmed.match(/^EPSG:(\d+)$/i) ??
    trimmed.match(/^urn:(?:x-)?ogc:def:crs:EPSG:[\d.]*:(\d+)$/i) ??
    trimmed.match(/^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d+)$/i) ??
    trimmed.match(/^https?:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#(\d+)$/i);
  const epsg = Number(match?.[1]);
  if (!match || !crsDefinition(`EPSG:${epsg}`)) {
    throw new OgcException(
      convention === 'wms13' ? 'InvalidCRS' : 'InvalidParameterValue',
      locator,
      `不支持的坐标系“${name}” / unsupported CRS ${name}: use EPSG:4490, EPSG:4326, EPSG:3857 or a CGCS2000 Gauss-Krüger zone`,
    );
  }
  const shortForm = /^EPSG:/i.test(trimmed);
  const northFirst = isNorthFirstCrs(epsg) && (convention === 'wms13' || !shortForm);
  return { epsg, name: trimmed, northFirst };
}

/** All CRSs the services answer in (advertised in capabilities). */
export function advertisedCrs(): string[] {
  const zones = Array.from({ length: 21 }, (_, i) => 4534 + i); // CGCS2000 3° zones by central meridian
  const prefixed = Array.from({ length: 21 }, (_, i) => 4513 + i);
  return [
    'EPSG:4490',
    'EPSG:4326',
    'EPSG:3857',
    'CRS:84',
    ...prefixed.map((c) => `EPSG:${c}`),
    ...zones.map((c) => `EPSG:${c}`),
  ];
}

/** A bounding box given as four numbers in the request's axis order, returned as minX, minY, maxX, maxY. */
export function parseBbox(raw: string, crs: RequestCrs, locator = 'BBOX'): [number, number, number, number] {
  const parts = raw.split(',');
  const numbers = parts.slice(0, 4).map((p) => Number(p));
  if (parts.length < 4 || parts.length > 5 || numbers.some((n) => !Number.isFinite(n))) {
    throw new OgcException(
      'InvalidParameterValue',
      locator,
      `${locator}应为4个数值 / ${locator} must be four numbers: minx,miny,maxx,maxy`,
    );
  }
  const [a, b, c, d] = numbers as [number, number, number, number];
  const [minX, minY, maxX, maxY] = crs.northFirst ? [b, a, d, c] : [a, b, c, d];
  if (minX >= maxX || minY >= maxY) {
    throw new OgcException(
      'InvalidParameterValue',
      locator,
      `${locator}的最小值必须小于最大值 / ${locator} minimum must be below maximum`,
    );
  }
  return [minX, minY, maxX, maxY];
}
