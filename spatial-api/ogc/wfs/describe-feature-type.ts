// WFS 2.0 DescribeFeatureType: an XML Schema (GML 3.2 application schema) of the requested feature types.
import type { Pool } from 'pg';
import type { AttributeDefinition } from '../../../layers';
import {
  NAMESPACE_PREFIX,
  NAMESPACE_URI,
  publishedFeatureTypes,
  resolveFeatureType,
  type FeatureType,
} from '../feature-types';
import { visibleTo } from '../layer-visibility';
import type { OgcOperation } from '../ows-router';
import { xmlEscape } from '../xml';

const XSD_TYPE: Record<AttributeDefinition['type'], string> = {
  string: 'xsd:string',
  integer: 'xsd:long',
  number: 'xsd:double',
  date: 'xsd:date',
  boolean: 'xsd:boolean',
};

export function gmlGeometryType(geometryType: string): string {
  switch (geometryType) {
    case 'MultiPolygon':
      return 'gml:MultiSurfacePropertyType';
    case 'Polygon':
      return 'gml:SurfacePropertyType';
    case 'MultiLineString':
      return 'gml:MultiCurvePropertyType';
    case 'LineString':
      return 'gml:CurvePropertyType';
    case 'Point':
      return 'gml:PointPropertyType';
    case 'MultiPoint':
      return 'gml:MultiPointPropertyType';
    default:
      return 'gml:GeometryPropertyType';
  }
}

function complexType(type: FeatureType): string {
  const name = type.layer.code;
  const elements = type.properties
    .map(
      (p) =>
        `<xsd:element name="${xmlEscape(p.name)}" type="${XSD_TYPE[p.type]}" minOccurs="0" nillable="true"/>`,
    )
    .join('\n          ');
  return `<xsd:complexType name="${name}Type">
    <xsd:complexContent>
      <xsd:extension base="gml:AbstractFeatureType">
        <xsd:sequence>
          <xsd:element name="geom" type="${gmlGeometryType(type.layer.geometryType)}" minOccurs="0" nillable="true"/>
          ${elements}
        </xsd:sequence>
      </xsd:extension>
    </xsd:complexContent>
  </xsd:complexType>
  <xsd:element name="${name}" type="${NAMESPACE_PREFIX}:${name}Type" substitutionGroup="gml:AbstractFeature"/>`;
}

export function describeFeatureType(pool: Pool): OgcOperation {
  return async (_req, res, kvp) => {
    const all = await publishedFeatureTypes(pool, visibleTo(res));
    const names = [...kvp.list('TYPENAMES'), ...kvp.list('TYPENAME')];
    const types = names.length === 0 ? all : names.map((n) => resolveFeatureType(all, n, 'TYPENAMES'));
    res.type('application/gml+xml; version=3.2; subtype=gml/3.2; charset=utf-8')
      .send(`<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:${NAMESPACE_PREFIX}="${NAMESPACE_URI}" targetNamespace="${NAMESPACE_URI}" elementFormDefault="qualified" version="1.0">
  <xsd:import namespace="http://www.opengis.net/gml/3.2" schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>
  ${types.map(complexType).join('\n  ')}
</xsd:schema>
`);
  };
}
