// Reads and checks the KVP parameters of a WFS 2.0 GetFeature request.
import type { Pool } from 'pg';
import { parseBbox, parseCrs, type RequestCrs } from '../crs';
import { publishedFeatureTypes, resolveFeatureType, type FeatureType } from '../feature-types';
import type { Kvp } from '../kvp';
import type { LayerVisibility } from '../layer-visibility';
import { OgcException } from '../ogc-exception';
import { parseOutputFormat, type OutputFormat } from './output-formats';

export const DEFAULT_SRS = 'urn:ogc:def:crs:EPSG::4490';

export interface SortKey {
  name: string;
  descending: boolean;
}

export interface GetFeatureParams {
  type: FeatureType;
  count: number;
  startIndex: number;
  hits: boolean;
  sortBy: SortKey[];
  /** the attributes to return; all when undefined */
  propertyNames: string[] | undefined;
  crs: RequestCrs;
  outputFormat: OutputFormat;
  bbox: { box: [number, number, number, number]; epsg: number } | undefined;
  filter: string | undefined;
  resourceIds: string[];
}

function knownProperty(type: FeatureType, raw: string, locator: string): string {
  const name = raw.replace(/^[A-Za-z_][\w.-]*:/, '');
  if (name === 'geom' || type.properties.some((p) => p.name === name)) return name;
  throw new OgcException(
    'InvalidParameterValue',
    locator,
    `要素类型${type.typeName}没有属性“${raw}”，可用：${type.properties.map((p) => p.name).join('、')} / unknown property ${raw}`,
  );
}

export async function getFeatureParams(
  pool: Pool,
  kvp: Kvp,
  maxCount: number,
  visible: LayerVisibility,
): Promise<GetFeatureParams> {
  const names = [...kvp.list('TYPENAMES'), ...kvp.list('TYPENAME')];
  const resourceIds = kvp.list('RESOURCEID');
  if (names.length === 0 && resourceIds.length === 0) {
    throw new OgcException(
      'MissingParameterValue',
      'TYPENAMES',
      '缺少参数TYPENAMES / the parameter TYPENAMES is missing',
    );
  }
  if (names.length > 1) {
    throw new OgcException(
      'InvalidParameterValue',
      'TYPENAMES',
      '每次请求一个要素类型 / request one feature type at a time',
    );
  }
  const types = await publishedFeatureTypes(pool, visible);
  const typeName = names[0] ?? resourceIds[0]?.split('.')[0] ?? '';
  const type = resolveFeatureType(types, typeName, names.length > 0 ? 'TYPENAMES' : 'RESOURCEID');
  const resultType = (kvp.get('RESULTTYPE') ?? 'results').toLowerCase();
  if (resultType !== 'results' && resultType !== 'hits') {
    throw new OgcException(
      'InvalidParameterValue',
      'RESULTTYPE',
      'RESULTTYPE应为results或hits / RESULTTYPE must be results or hits',
    );
  }
  const sortBy = kvp.list('SORTBY').map((item) => {
    const [name = '', order = 'ASC'] = item.split(/\s+/);
    if (!/^(ASC|DESC|A|D)$/i.test(order)) {
      throw new OgcException(
        'InvalidParameterValue',
        'SORTBY',
        `排序方向应为ASC或DESC，而不是“${order}” / sort order must be ASC or DESC`,
      );
    }
    return { name: knownProperty(type, name, 'SORTBY'), descending: /^D/i.test(order) };
  });
  const propertyNames = kvp.get('PROPERTYNAME')
    ? kvp.list('PROPERTYNAME').map((p) => knownProperty(type, p.replace(/^\(|\)$/g, ''), 'PROPERTYNAME'))
    : undefined;
  const crs = parseCrs(kvp.get('SRSNAME') ?? DEFAULT_SRS, 'SRSNAME', 'wfs');
  const bboxRaw = kvp.get('BBOX');
  let bbox: GetFeatureParams['bbox'];
  if (bboxRaw !== undefined) {
    const parts = bboxRaw.split(',');
    const bboxCrs = parseCrs(parts.length === 5 ? (parts[4] as string) : DEFAULT_SRS, 'BBOX', 'wfs');
    bbox = { box: parseBbox(parts.slice(0, 4).join(','), bboxCrs), epsg: bboxCrs.epsg };
  }
  const filter = kvp.get('FILTER');
  if (filter !== undefined && bbox !== undefined) {
    throw new OgcException(
      'InvalidParameterValue',
      'BBOX',
      'BBOX与FILTER不能同时使用 / BBOX and FILTER are mutually exclusive',
    );
  }
  return {
    type,
    count:
      kvp.integer('COUNT', undefined, 1, maxCount) ??
      kvp.integer('MAXFEATURES', maxCount, 1, maxCount) ??
      maxCount,
    startIndex: kvp.integer('STARTINDEX', 0, 0, Number.MAX_SAFE_INTEGER) ?? 0,
    hits: resultType === 'hits',
    sortBy,
    propertyNames,
    crs,
    outputFormat: parseOutputFormat(kvp.get('OUTPUTFORMAT')),
    bbox,
    filter,
    resourceIds,
  };
}
