// Decides the CRS of a source: the one given by the user, else the one its format fixes (GeoJSON without
// "crs", RFC 7946 §4; KML), else the one the file declares (checked against its coordinates), else a
// guess, said to be a guess. Coordinates are judged feature by feature and the decision follows the bulk
// of the features, so one outlier does not decide it (it is reported as out of range instead).
// CGCS2000 zone codes: 3° with zone prefix 4513-4533 (zones 25-45), 6° with prefix 4491-4501 (zones
// 13-23), 3° without prefix 4534-4554 (by central meridian); see DESIGN.md, Geodesy.
import { crsDefinition } from '../../layers';
import { ImportError } from '../import-error';
import { bulkOf, type Bulk } from './bulk-of-features';
import {
  looksGeographic,
  looksUnprefixedGaussKruger,
  looksWebMercator,
  describeExtent,
  prefixedZone,
  unionOf,
  type Extent,
} from './coordinate-ranges';

export interface CrsDecision {
  /** what to hand GDAL as the source CRS: an EPSG code, or the declared WKT when it has none */
  source: string;
  code: string;
  how: 'declared' | 'guessed' | 'given' | 'format';
  note: string;
}

export interface CrsEvidence {
  /** the user's --srs / srs field */
  given?: string;
  /** EPSG code GDAL identified for the declared CRS */
  declaredEpsg?: number;
  /** the declared CRS as WKT, when there is one */
  declaredWkt?: string;
  /** whether the file came with a CRS definition (e.g. a .prj) at all */
  declarationPresent: boolean;
  /** the CRS the file's format fixes, when it does (GeoJSON without "crs", KML) */
  fixedByFormat?: { code: string; format: string; note: string };
  /** the extent of each feature that has coordinates, in the source's own coordinates */
  extents: Extent[];
  /** central meridian of the city, for coordinates in a zone without prefix */
  cityCentralMeridian: number;
}

const GEOGRAPHIC = new Set([4490, 4326, 4610, 4214, 4555]);

function zoneCode(zone: number): number {
  return zone >= 25 ? 4513 + (zone - 25) : 4491 + (zone - 13);
}

function cgcsZoneByMeridian(centralMeridian: number): number {
  return 4534 + (centralMeridian - 75) / 3;
}

/** Why coordinates do not fit a CRS, or undefined when they do (only CRSs we can judge are judged). */
function contradiction(epsg: number, e: Extent): string | undefined {
  if (GEOGRAPHIC.has(epsg))
    return looksGeographic(e) ? undefined : '声明为经纬度坐标，但坐标值不是中国范围内的经纬度';
  if (epsg === 3857) return looksWebMercator(e) ? undefined : '声明为Web墨卡托，但坐标值不在中国范围内';
  const prefixedFamilies: [number, number, (i: number) => number][] = [
    [4513, 4533, (i) => 25 + i],
    [4491, 4501, (i) => 13 + i],
    [2349, 2369, (i) => 25 + i],
    [2401, 2421, (i) => 25 + i],
  ];
  for (const [first, last, zoneOf] of prefixedFamilies) {
    if (epsg >= first && epsg <= last) {
      const zone = zoneOf(epsg - first);
      return prefixedZone(e) === zone
        ? undefined
        : `声明为带号${zone}的高斯-克吕格投影，但横坐标不以${zone}开头`;
    }
  }
  const unprefixed: [number, number][] = [
    [4534, 4554],
    [4502, 4512],
    [2370, 2390],
    [2422, 2442],
  ];
  if (unprefixed.some(([first, last]) => epsg >= first && epsg <= last)) {
    return looksUnprefixedGaussKruger(e) ? undefined : '声明为不带带号的高斯-克吕格投影，但坐标值不符';
  }
  return undefined;
}

function guess(bulk: Bulk, cityCentralMeridian: number): CrsDecision | undefined {
  const k = bulk.kind;
  if (k.kind === 'geographic') {
    return {
      source: 'EPSG:4490',
      code: 'EPSG:4490',
      how: 'guessed',
      note: '未声明坐标系，按坐标范围推断为CGCS2000经纬度 / no CRS declared: guessed CGCS2000 longitude/latitude from the coordinates',
    };
  }
  if (k.kind === 'prefixed') {
    const code = `EPSG:${zoneCode(k.zone)}`;
    return {
      source: code,
      code,
      how: 'guessed',
      note: `未声明坐标系，横坐标带号${k.zone}，推断为CGCS2000高斯-克吕格${k.zone >= 25 ? '3度' : '6度'}带 / no CRS declared: guessed CGCS2000 Gauss-Krüger zone ${k.zone} from the easting's prefix`,
    };
  }
  if (k.kind === 'unprefixed') {
    const code = `EPSG:${cgcsZoneByMeridian(cityCentralMeridian)}`;
    return {
      source: code,
      code,
      how: 'guessed',
      note: `未声明坐标系且横坐标无带号，按本市中央经线${cityCentralMeridian}°推断 / no CRS and no zone prefix: guessed the city's zone, central meridian ${cityCentralMeridian}°E`,
    };
  }
  if (k.kind === 'webMercator') {
    return {
      source: 'EPSG:3857',
      code: 'EPSG:3857',
      how: 'guessed',
      note: '未声明坐标系，按坐标范围推断为Web墨卡托 / no CRS declared: guessed Web Mercator from the coordinates',
    };
  }
  return undefined;
}

/** Whether the coordinates of one feature fit the decided CRS (a CRS we cannot judge fits everything). */
export function fitsCrs(code: string, e: Extent): boolean {
  const epsg = /^EPSG:(\d+)$/.exec(code)?.[1];
  return epsg === undefined || contradiction(Number(epsg), e) === undefined;
}

/** The first reason why the bulk of the features does not fit the CRS, or undefined when at least half fit. */
function bulkContradiction(epsg: number, extents: Extent[]): string | undefined {
  const misfits = extents.filter((e) => contradiction(epsg, e) !== undefined);
  if (misfits.length * 2 <= extents.length) return undefined;
  return contradiction(epsg, misfits[0] as Extent);
}

export function decideCrs(evidence: CrsEvidence): CrsDecision {
  const e = unionOf(evidence.extents) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  if (evidence.given) {
    const definition = crsDefinition(evidence.given);
    if (!definition) {
      throw new ImportError(
        'unknown_crs',
        `不支持的坐标系“${evidence.given}”，请使用EPSG编号，如EPSG:4538 / unknown CRS "${evidence.given}": use an EPSG code such as EPSG:4538`,
        { parameter: 'srs', value: evidence.given },
      );
    }
    const epsg = Number(definition.code.slice(5));
    const problem = bulkContradiction(epsg, evidence.extents);
    if (problem) {
      throw new ImportError(
        'contradictory_crs',
        `指定的坐标系${definition.code}与数据不符：${problem}，数据范围${describeExtent(e)} / the given CRS does not fit the coordinates`,
        { parameter: 'srs', value: evidence.given, extent: e },
      );
    }
    return {
      source: definition.code,
      code: definition.code,
      how: 'given',
      note: `按指定坐标系${definition.code}（${definition.name}）`,
    };
  }
  const bulk = bulkOf(evidence.extents);
  if (evidence.fixedByFormat) {
    const { code, format, note } = evidence.fixedByFormat;
    if (bulkContradiction(Number(code.slice(5)), evidence.extents)) {
      const looksLike = bulk ? guess(bulk, evidence.cityCentralMeridian)?.code : undefined;
      throw new ImportError(
        'crs_not_detected',
        `${format}的坐标按格式规定应为WGS84经纬度，但多数要素的坐标不是（范围${describeExtent(e)}）${looksLike ? `，看来是${looksLike}` : ''}；请用srs参数指定坐标系 / ${format} coordinates are WGS84 longitude/latitude by the format, but most features' coordinates ${describeExtent(e)} are not${looksLike ? ` (they look like ${looksLike})` : ''}: give --srs`,
        { extent: e, format, ...(looksLike ? { looksLike } : {}) },
      );
    }
    return { source: code, code, how: 'format', note };
  }
  if (evidence.declaredEpsg !== undefined) {
    const code = `EPSG:${evidence.declaredEpsg}`;
    const problem = bulkContradiction(evidence.declaredEpsg, evidence.extents);
    if (problem) {
      throw new ImportError(
        'contradictory_crs',
        `文件声明的坐标系${code}与数据不符：${problem}，数据范围${describeExtent(e)}；请修正.prj或用srs参数指定 / the declared CRS ${code} contradicts the coordinates ${describeExtent(e)}: fix the .prj or give --srs`,
        { declared: code, extent: e },
      );
    }
    return { source: code, code, how: 'declared', note: `文件声明的坐标系${code}` };
  }
  if (evidence.declaredWkt) {
    return {
      source: evidence.declaredWkt,
      code: 'WKT',
      how: 'declared',
      note: '文件声明的坐标系未能对应EPSG编号，按其定义转换 / the declared CRS has no EPSG code: transformed by its definition',
    };
  }
  if (evidence.declarationPresent) {
    throw new ImportError(
      'unknown_crs',
      '无法识别文件中的坐标系定义（.prj），请修正或用srs参数指定，如EPSG:4538 / the CRS definition (.prj) cannot be read: fix it or give --srs, e.g. EPSG:4538',
      {},
    );
  }
  if (evidence.extents.length === 0) {
    return {
      source: 'EPSG:4490',
      code: 'EPSG:4490',
      how: 'guessed',
      note: '文件中没有坐标，无从判断坐标系 / no coordinates in the file to judge its CRS by',
    };
  }
  const guessed = bulk ? guess(bulk, evidence.cityCentralMeridian) : undefined;
  if (!guessed) {
    throw new ImportError(
      'crs_not_detected',
      `坐标范围${describeExtent(e)}不符合任何已知坐标系，请用srs参数指定 / the coordinates ${describeExtent(e)} fit no known CRS: give --srs`,
      { extent: e },
    );
  }
  return guessed;
}
