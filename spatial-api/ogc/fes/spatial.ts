// Spatial operators (FES 2.0, 7.8) over the feature's geometry and a GML geometry transformed to
// CGCS2000. Distances are measured on the spheroid (geography), never in degrees.
import type { FilterContext } from './filter-context';
import { filterError } from './filter-error';
import { isGmlGeometry, readGmlGeometry } from './gml-geometry';
import { isFesNamespace } from './namespaces';
import type { SqlParameters } from './parameters';
import { resolveValueReference } from './value-reference';
import { attributeOf, type XmlElement } from './xml-element';

const BINARY: Record<string, string> = {
  BBOX: 'ST_Intersects',
  Intersects: 'ST_Intersects',
  Within: 'ST_Within',
  Contains: 'ST_Contains',
  Disjoint: 'ST_Disjoint',
  Touches: 'ST_Touches',
  Crosses: 'ST_Crosses',
  Overlaps: 'ST_Overlaps',
  Equals: 'ST_Equals',
};
const DISTANCE = new Set(['DWithin', 'Beyond']);

export const SPATIAL_OPERATORS = new Set([...Object.keys(BINARY), ...DISTANCE]);

/** Units of measure for Distance, as metres per unit. */
const METRES_PER_UNIT = new Map<string, number>(
  Object.entries({
    m: 1,
    metre: 1,
    meter: 1,
    metres: 1,
    meters: 1,
    'urn:ogc:def:uom:epsg::9001': 1,
    'http://www.opengis.net/def/uom/epsg/0/9001': 1,
    km: 1000,
    kilometre: 1000,
    kilometer: 1000,
    kilometres: 1000,
    kilometers: 1000,
    'urn:ogc:def:uom:epsg::9036': 1000,
    'http://www.opengis.net/def/uom/epsg/0/9036': 1000,
  }),
);

export function spatialSql(element: XmlElement, context: FilterContext, parameters: SqlParameters): string {
  const operator = element.localName;
  const operands: Array<'feature' | XmlElement> = [];
  let distance: XmlElement | undefined;
  for (const child of element.children) {
    const fes = isFesNamespace(child.namespace);
    if (fes && (child.localName === 'ValueReference' || child.localName === 'PropertyName')) {
      if (resolveValueReference(child, context).kind !== 'geometry') {
        throw filterError(
          `${operator}的属性“${child.text.trim()}”不是几何属性`,
          `the property ${child.text.trim()} of ${operator} is not the geometry`,
        );
      }
      operands.push('feature');
    } else if (fes && child.localName === 'Distance' && DISTANCE.has(operator) && !distance) {
      distance = child;
    } else if (
      fes &&
      child.localName === 'Literal' &&
      child.children.length === 1 &&
      isGmlGeometry(child.children[0]!)
    ) {
      operands.push(child.children[0]!);
    } else if (isGmlGeometry(child)) {
      operands.push(child);
    } else {
      throw filterError(`${operator}中不应出现“${child.name}”`, `${operator} does not take ${child.name}`);
    }
  }
  const geometries = operands.filter((o): o is XmlElement => o !== 'feature');
  if (geometries.length !== 1 || operands.length > 2) {
    throw filterError(
      `${operator}应有一个几何属性（ValueReference，可省略）和一个GML几何`,
      `${operator} takes the geometry property (ValueReference, optional) and one GML geometry`,
    );
  }
  if (operands.length === 1) operands.unshift('feature');
  const gml = geometries[0]!;
  if (operator === 'BBOX' && gml.localName !== 'Envelope') {
    throw filterError('BBOX应使用gml:Envelope', 'BBOX takes a gml:Envelope');
  }
  const geometry = readGmlGeometry(gml, attributeOf(element, 'srsName'));
  const geometrySql = `ST_Transform(ST_GeomFromText(${parameters.add(geometry.wkt)}, ${parameters.add(geometry.crs.epsg)}::int), 4490)`;
  const [first, second] = operands.map((o) => (o === 'feature' ? 'f.geom' : geometrySql)) as [string, string];

  if (!DISTANCE.has(operator)) return `${BINARY[operator]}(${first}, ${second})`;
  if (!distance) {
    throw filterError(`${operator}缺少Distance`, `${operator} needs a Distance`);
  }
  const within = `ST_DWithin(f.geom::geography, ${geometrySql}::geography, ${parameters.add(metres(distance))}::float8)`;
  return operator === 'DWithin' ? within : `NOT ${within}`;
}

function metres(distance: XmlElement): number {
  const raw = distance.text.trim();
  const value = Number(raw);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) || !Number.isFinite(value) || value < 0) {
    throw filterError(
      `Distance应为非负数值，而不是“${raw}”`,
      `the Distance must be a number of at least 0, not "${raw}"`,
    );
  }
  const uom = attributeOf(distance, 'uom', 'units');
  const factor = uom === undefined ? undefined : METRES_PER_UNIT.get(uom.trim().toLowerCase());
  if (factor === undefined) {
    throw filterError(
      `Distance的单位“${uom ?? ''}”不受支持，请使用uom="m"或uom="km"`,
      `the Distance unit ${uom === undefined ? '(none given)' : `"${uom}"`} is not supported: use uom="m" or uom="km"`,
    );
  }
  return value * factor;
}
