// GML 3.2 / 3.1.1 geometries in a filter as WKT (x = easting/longitude first). The srsName decides the
// axis order: URN and http names of geographic and Gauss-Krüger CRSs put the northing first.
import { parseCrs, type RequestCrs } from '../crs';
import { filterError } from './filter-error';
import { isGmlNamespace } from './namespaces';
import { attributeOf, childrenNamed, type XmlElement } from './xml-element';

/** Without an srsName on the geometry or the element around it: CGCS2000, latitude first. */
export const DEFAULT_SRS_NAME = 'urn:ogc:def:crs:EPSG::4490';

export interface GmlGeometry {
  /** well-known text with x = easting/longitude first */
  wkt: string;
  crs: RequestCrs;
}

const GEOMETRIES = new Set([
  'Envelope',
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiCurve',
  'MultiPolygon',
  'MultiSurface',
]);
const GEOGRAPHIC = new Set([4490, 4326, 4610, 4214]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface Frame {
  crs: RequestCrs;
  dimension: number;
}

export function isGmlGeometry(element: XmlElement): boolean {
  return isGmlNamespace(element.namespace) && GEOMETRIES.has(element.localName);
}

export function readGmlGeometry(element: XmlElement, enclosingSrsName?: string): GmlGeometry {
  const srsName = attributeOf(element, 'srsName') ?? enclosingSrsName ?? DEFAULT_SRS_NAME;
  const crs = parseCrs(srsName, 'FILTER', 'wfs');
  return { wkt: geometryWkt(element, { crs, dimension: 2 }), crs };
}

function geometryWkt(element: XmlElement, outer: Frame): string {
  const frame = frameOf(element, outer);
  switch (element.localName) {
    case 'Point':
      return `POINT(${coordinates(element, frame, 1, 1)})`;
    case 'LineString':
      return `LINESTRING(${coordinates(element, frame, 2)})`;
    case 'Polygon':
      return `POLYGON(${polygonRings(element, frame)})`;
    case 'Envelope':
      return `POLYGON(${envelopeRing(element, frame)})`;
    case 'MultiPoint': {
      const points = members(element, ['pointMember', 'pointMembers'], ['Point']);
      return `MULTIPOINT(${points.map((p) => `(${coordinates(p, frameOf(p, frame), 1, 1)})`).join(',')})`;
    }
    case 'MultiLineString':
    case 'MultiCurve': {
      const lines = members(element, ['lineStringMember', 'curveMember', 'curveMembers'], ['LineString']);
      return `MULTILINESTRING(${lines.map((l) => `(${coordinates(l, frameOf(l, frame), 2)})`).join(',')})`;
    }
    case 'MultiPolygon':
    case 'MultiSurface': {
      const polygons = members(element, ['polygonMember', 'surfaceMember', 'surfaceMembers'], ['Polygon']);
      return `MULTIPOLYGON(${polygons.map((p) => `(${polygonRings(p, frameOf(p, frame))})`).join(',')})`;
    }
    default:
      throw filterError(
        `不支持的GML几何类型“${element.name}”`,
        `unsupported GML geometry ${element.name}: use Envelope, Point, LineString, Polygon or their Multi forms`,
      );
  }
}

/** A nested element may repeat its parent's CRS or dimension, but not change the CRS. */
function frameOf(element: XmlElement, outer: Frame): Frame {
  const srsName = attributeOf(element, 'srsName');
  if (srsName !== undefined) {
    const crs = parseCrs(srsName, 'FILTER', 'wfs');
    if (crs.epsg !== outer.crs.epsg || crs.northFirst !== outer.crs.northFirst) {
      throw filterError(
        `一个几何中不能混用坐标系${outer.crs.name}和${srsName}`,
        `one geometry cannot mix the CRSs ${outer.crs.name} and ${srsName}`,
      );
    }
  }
  return { crs: outer.crs, dimension: dimensionOf(element, outer.dimension) };
}

function dimensionOf(element: XmlElement, fallback: number): number {
  const raw = attributeOf(element, 'srsDimension');
  if (raw === undefined) return fallback;
  const dimension = Number(raw);
  if (dimension !== 2 && dimension !== 3) {
    throw filterError(`srsDimension应为2或3，而不是“${raw}”`, `srsDimension must be 2 or 3, not "${raw}"`);
  }
  return dimension;
}

function members(element: XmlElement, memberNames: string[], geometryNames: string[]): XmlElement[] {
  const geometries = childrenNamed(element, ...memberNames).flatMap((member) => {
    const inner = childrenNamed(member, ...geometryNames);
    if (inner.length === 0 || (inner.length > 1 && !member.localName.endsWith('s'))) {
      throw filterError(
        `${element.localName}的成员${member.name}应包含一个${geometryNames.join('或')}`,
        `the member ${member.name} of ${element.localName} must hold one ${geometryNames.join(' or ')}`,
      );
    }
    return inner;
  });
  if (geometries.length === 0) {
    throw filterError(`${element.localName}没有成员`, `${element.localName} has no members`);
  }
  return geometries;
}

function polygonRings(polygon: XmlElement, frame: Frame): string {
  const exterior = childrenNamed(polygon, 'exterior', 'outerBoundaryIs');
  const interiors = childrenNamed(polygon, 'interior', 'innerBoundaryIs');
  if (exterior.length !== 1) {
    throw filterError('Polygon应有一个exterior外环', 'a Polygon must have one exterior ring');
  }
  return [...exterior, ...interiors].map((boundary) => `(${ring(boundary, frame)})`).join(',');
}

function ring(boundary: XmlElement, frame: Frame): string {
  const rings = childrenNamed(boundary, 'LinearRing');
  if (rings.length !== 1) {
    throw filterError(`${boundary.name}应包含一个LinearRing`, `${boundary.name} must hold one LinearRing`);
  }
  const linearRing = rings[0]!;
  const positions = positionsOf(linearRing, frameOf(linearRing, frame));
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (positions.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    throw filterError(
      'LinearRing至少需要4个坐标，且首尾坐标相同',
      'a LinearRing needs at least 4 positions and must end where it starts',
    );
  }
  return positions.map(([x, y]) => `${x} ${y}`).join(',');
}

function envelopeRing(envelope: XmlElement, frame: Frame): string {
  const lower = childrenNamed(envelope, 'lowerCorner');
  const upper = childrenNamed(envelope, 'upperCorner');
  const corners =
    lower.length === 1 && upper.length === 1
      ? [...positionsOf(lower[0]!, frame, 'pos'), ...positionsOf(upper[0]!, frame, 'pos')]
      : positionsOf(envelope, frame);
  const [minX, minY] = corners[0] ?? [];
  const [maxX, maxY] = corners[1] ?? [];
  if (
    corners.length !== 2 ||
    minX === undefined ||
    minY === undefined ||
    maxX === undefined ||
    maxY === undefined
  ) {
    throw filterError(
      'Envelope应有lowerCorner和upperCorner两个角点',
      'an Envelope must have a lowerCorner and an upperCorner',
    );
  }
  if (minX > maxX || minY > maxY) {
    throw filterError(
      `Envelope的lowerCorner应在upperCorner的左下方（坐标系${frame.crs.name}的轴序${frame.crs.northFirst ? '为纬度/北坐标在前' : '为经度/东坐标在前'}）`,
      `the Envelope's lowerCorner must be below and left of its upperCorner (in ${frame.crs.name} the ${frame.crs.northFirst ? 'latitude/northing' : 'longitude/easting'} comes first)`,
    );
  }
  return `(${minX} ${minY},${maxX} ${minY},${maxX} ${maxY},${minX} ${maxY},${minX} ${minY})`;
}

function coordinates(element: XmlElement, frame: Frame, min: number, max = Infinity): string {
  const positions = positionsOf(element, frame);
  if (positions.length < min || positions.length > max) {
    const count = max === min ? `${min}` : `at least ${min}`;
    throw filterError(
      `${element.localName}应有${max === min ? '' : '至少'}${min}个坐标，而不是${positions.length}个`,
      `a ${element.localName} must have ${count} position${min > 1 ? 's' : ''}, not ${positions.length}`,
    );
  }
  return positions.map(([x, y]) => `${x} ${y}`).join(',');
}

/** The positions inside an element (posList, pos elements or coordinates), as x, y. */
function positionsOf(element: XmlElement, frame: Frame, as?: 'pos'): Array<[number, number]> {
  let tuples: string[][];
  if (as === 'pos') {
    tuples = [words(element.text)];
  } else {
    const posList = childrenNamed(element, 'posList');
    const pos = childrenNamed(element, 'pos');
    const coordinateText = childrenNamed(element, 'coordinates');
    if (posList.length === 1 && pos.length === 0 && coordinateText.length === 0) {
      const dimension = dimensionOf(posList[0]!, frame.dimension);
      const values = words(posList[0]!.text);
      if (values.length % dimension !== 0) {
        throw filterError(
          `posList的数值个数${values.length}不是维数${dimension}的倍数`,
          `the posList has ${values.length} numbers, not a multiple of its dimension ${dimension}`,
        );
      }
      tuples = Array.from({ length: values.length / dimension }, (_, i) =>
        values.slice(i * dimension, (i + 1) * dimension),
      );
    } else if (pos.length > 0 && posList.length === 0 && coordinateText.length === 0) {
      tuples = pos.map((p) => words(p.text));
    } else if (coordinateText.length === 1 && posList.length === 0 && pos.length === 0) {
      tuples = gmlCoordinates(coordinateText[0]!);
    } else {
      throw filterError(
        `${element.name}的坐标应写在一个posList、若干pos或一个coordinates中`,
        `the coordinates of ${element.name} must be one posList, pos elements or one coordinates`,
      );
    }
  }
  return tuples.map((tuple) => position(tuple, frame));
}

function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/** GML 2 style "x,y x,y" with its own decimal, tuple and coordinate separators. */
function gmlCoordinates(element: XmlElement): string[][] {
  const decimal = attributeOf(element, 'decimal') ?? '.';
  const cs = attributeOf(element, 'cs') ?? ',';
  const ts = attributeOf(element, 'ts') ?? ' ';
  const tuples = ts.trim() === '' ? words(element.text) : element.text.trim().split(ts);
  return tuples.map((tuple) =>
    tuple.split(cs).map((value) => (decimal === '.' ? value.trim() : value.trim().split(decimal).join('.'))),
  );
}

function position(tuple: string[], frame: Frame): [number, number] {
  if ((tuple.length !== 2 && tuple.length !== 3) || !tuple.every((value) => NUMBER.test(value))) {
    throw filterError(
      `无效的坐标“${tuple.join(' ')}”，应为2或3个数值`,
      `invalid position "${tuple.join(' ')}": it must be 2 or 3 numbers`,
    );
  }
  const [a, b] = tuple.map(Number) as [number, number];
  const [x, y] = frame.crs.northFirst ? [b, a] : [a, b];
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw filterError(
      `坐标“${tuple.join(' ')}”超出数值范围`,
      `the position "${tuple.join(' ')}" is out of range`,
    );
  }
  if (GEOGRAPHIC.has(frame.crs.epsg) && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
    const order = frame.crs.northFirst ? '纬度在前、经度在后' : '经度在前、纬度在后';
    const orderEn = frame.crs.northFirst
      ? 'latitude first, then longitude'
      : 'longitude first, then latitude';
    throw filterError(
      `坐标“${tuple.join(' ')}”超出经纬度范围：坐标系${frame.crs.name}的坐标应${order}`,
      `the position "${tuple.join(' ')}" is not a valid longitude/latitude: ${frame.crs.name} takes ${orderEn}`,
    );
  }
  return [x, y];
}
