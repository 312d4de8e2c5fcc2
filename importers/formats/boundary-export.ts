// A layer version's polygon features as boundary-coordinate text (国土TXT), for the land-survey and 报件
// tools that read only that format: reprojected by PostGIS into the CGCS2000 3° Gauss-Krüger zone of the
// version's centre (the city's zone), with the zone prefix in the easting, one parcel per feature, its
// parts and holes as rings, the declared area its plane area in that zone.
import type { Position } from 'geojson';
import { queryProjectedFeatures, versionCentre, type ProjectedFeature, type Queryable } from '../../layers';
import { encodeGbk } from '../encoding/encode-gbk';
import type { TextEncodingName } from '../encoding/detect-encoding';
import { signedRingArea } from '../geometry/ring-area';
import { ImportError } from '../import-error';
import { boundaryEpsg, writeBoundaryCoordinates, type BoundaryParcel } from './boundary-coordinates';

export interface BoundaryExportOptions {
  bbox?: [number, number, number, number];
  /** all features when absent */
  limit?: number;
  offset: number;
  encoding: TextEncodingName;
  /** the day written as 数据产生日期 */
  today?: Date;
}

export interface BoundaryExport {
  bytes: Buffer;
  parcels: number;
  /** the prefixed Gauss-Krüger zone the coordinates are in, e.g. 4517 for zone 29 */
  epsg: number;
}

/** Which attribute fills each parcel field, first present first; 地块编号 falls back to the feature key. */
const PARCEL_FIELDS: Record<'parcelNo' | 'name' | 'sheetNo' | 'use' | 'landClassCode', string[]> = {
  parcelNo: ['parcel_no'],
  name: ['name', 'project_name'],
  sheetNo: ['sheet_no'],
  use: ['use', 'land_use_name'],
  landClassCode: ['land_class_code', 'land_use_code'],
};

/** Parcel fields are comma-separated lines: commas become 、, line breaks spaces. */
const fieldText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : String(value)
        .replace(/[,，]/g, '、')
        .replace(/[\r\n]+/g, ' ')
        .trim();

function field(feature: ProjectedFeature, names: string[]): string {
  const name = names.find((n) => fieldText(feature.properties[n]) !== '');
  return name === undefined ? '' : fieldText(feature.properties[name]);
}

/** The CGCS2000 3° zone (25–45) that holds a longitude, and the EPSG code of it with the zone prefix. */
function zoneOf(lon: number): { zone: number; epsg: number } {
  const zone = Math.round(lon / 3);
  const epsg = boundaryEpsg('CGCS2000', 3, zone);
  if (epsg === undefined) {
    throw new ImportError(
      'outside_zones',
      `经度${lon.toFixed(3)}°不在2000国家大地坐标系3度带（25–45带）范围内，无法导出界址点坐标文本 / longitude ${lon.toFixed(3)}° lies in no CGCS2000 3° zone (25–45): the layer cannot be written as boundary-coordinate text`,
      { parameter: 'format' },
    );
  }
  return { zone, epsg };
}

/** YYYY-MM-DD of the day in Beijing time (UTC+8, no daylight saving). */
const beijingDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function polygonsOf(feature: ProjectedFeature): Position[][][] {
  const { geometry } = feature;
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new ImportError(
    'not_a_polygon',
    `要素“${feature.key ?? ''}”不是面，界址点坐标文本只能写面 / feature ${feature.key ?? ''} is a ${geometry.type}: boundary-coordinate text holds polygons only`,
    { parameter: 'format' },
  );
}

function toParcel(feature: ProjectedFeature, index: number): BoundaryParcel {
  const polygons = polygonsOf(feature);
  const rings = polygons.flat().map((ring) => ring.map(([e, n]): [number, number] => [e!, n!]));
  const areaM2 = polygons.reduce(
    (sum, polygon) =>
      polygon.reduce(
        (area, ring, i) => area + (i === 0 ? 1 : -1) * Math.abs(signedRingArea(ring as [number, number][])),
        sum,
      ),
    0,
  );
  return {
    pointCount: rings.reduce((sum, ring) => sum + ring.length, 0),
    declaredAreaHa: Math.round(areaM2) / 10_000,
    parcelNo: field(feature, PARCEL_FIELDS.parcelNo) || fieldText(feature.key) || String(index + 1),
    name: field(feature, PARCEL_FIELDS.name),
    geometryKind: '面',
    sheetNo: field(feature, PARCEL_FIELDS.sheetNo),
    use: field(feature, PARCEL_FIELDS.use),
    landClassCode: field(feature, PARCEL_FIELDS.landClassCode),
    rings,
  };
}

/**
 * The features of a version as boundary-coordinate text in the encoding asked for; `parcels` is 0 (and
 * there are no bytes) when no feature matches.
 */
export async function exportBoundaryText(
  db: Queryable,
  versionId: string,
  options: BoundaryExportOptions,
): Promise<BoundaryExport> {
  const centre = await versionCentre(db, versionId);
  if (!centre) return { bytes: Buffer.alloc(0), parcels: 0, epsg: 0 };
  const { zone, epsg } = zoneOf(centre[0]);
  const features = await queryProjectedFeatures(db, versionId, {
    srid: epsg,
    offset: options.offset,
    ...(options.bbox ? { bbox: options.bbox } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  if (features.length === 0) return { bytes: Buffer.alloc(0), parcels: 0, epsg };
  const text = writeBoundaryCoordinates({
    attributes: {
      格式版本号: '1.01版本',
      数据产生日期: beijingDate(options.today ?? new Date()),
    },
    datum: 'CGCS2000',
    zoneWidth: 3,
    zone,
    epsg,
    parcels: features.map(toParcel),
  });
  const bytes = options.encoding === 'GBK' ? encodeGbk(text) : Buffer.from(text, 'utf8');
  return { bytes, parcels: features.length, epsg };
}
