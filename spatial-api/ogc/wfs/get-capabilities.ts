// WFS 2.0 GetCapabilities: service identification, the operations and their parameters, every
// published feature type with its CRSs and extent, and the filter capabilities.
import type { Pool } from 'pg';
import { advertisedCrs, CRS84_URN } from '../crs';
import { NAMESPACE_PREFIX, NAMESPACE_URI, publishedFeatureTypes } from '../feature-types';
import type { OgcOperation } from '../ows-router';
import { keyQuery } from '../key-parameter';
import { visibleTo } from '../layer-visibility';
import { xmlEscape } from '../xml';
import { OUTPUT_FORMATS } from './output-formats';
import { requestOrigin } from '../request-origin';

const COMPARISON = [
  'PropertyIsEqualTo',
  'PropertyIsNotEqualTo',
  'PropertyIsLessThan',
  'PropertyIsGreaterThan',
  'PropertyIsLessThanOrEqualTo',
  'PropertyIsGreaterThanOrEqualTo',
  'PropertyIsLike',
  'PropertyIsNull',
  'PropertyIsBetween',
];
const SPATIAL = ['BBOX', 'Intersects', 'Within', 'DWithin'];
const CONFORMANCE = [
  'ImplementsQuery',
  'ImplementsAdHocQuery',
  'ImplementsMinStandardFilter',
  'ImplementsStandardFilter',
  'ImplementsMinSpatialFilter',
  'ImplementsSpatialFilter',
  'ImplementsSorting',
  'ImplementsResourceId',
];

function operation(
  name: string,
  href: string,
  key: string,
  parameters: Record<string, string[]> = {},
): string {
  const params = Object.entries(parameters)
    .map(
      ([p, values]) =>
        `<ows:Parameter name="${p}"><ows:AllowedValues>${values.map((v) => `<ows:Value>${xmlEscape(v)}</ows:Value>`).join('')}</ows:AllowedValues></ows:Parameter>`,
    )
    .join('');
  // GET with key-value pairs, POST with the XML encoding
  return `<ows:Operation name="${name}"><ows:DCP><ows:HTTP><ows:Get xlink:href="${xmlEscape(`${href}?${key ? `${key}&` : ''}`)}"/><ows:Post xlink:href="${xmlEscape(key ? `${href}?${key}` : href)}"/></ows:HTTP></ows:DCP>${params}</ows:Operation>`;
}

const constraint = (name: string, value: string) =>
  `<ows:Constraint name="${name}"><ows:NoValues/><ows:DefaultValue>${value}</ows:DefaultValue></ows:Constraint>`;

export function getCapabilities(pool: Pool, maxCount: number): OgcOperation {
  return async (req, res) => {
    const href = `${requestOrigin(req)}${req.path.startsWith('/wfs') ? '/wfs' : '/ows'}`;
    const key = keyQuery(req);
    const types = await publishedFeatureTypes(pool, visibleTo(res));
    const otherCrs = advertisedCrs()
      .filter((c) => c !== 'EPSG:4490' && c !== 'CRS:84')
      .map((c) => `urn:ogc:def:crs:EPSG::${c.slice(5)}`)
      .concat(CRS84_URN);
    const featureTypes = types
      .map(({ layer, typeName }) => {
        const [w, s, e, n] = layer.extent ?? [73, 18, 135, 54];
        return `<FeatureType>
      <Name>${typeName}</Name>
      <Title>${xmlEscape(layer.name)}</Title>
      <Abstract>${xmlEscape(layer.description || `${layer.name}（第${layer.version}版，${layer.featureCount}个要素）`)}</Abstract>
      <ows:Keywords><ows:Keyword>${xmlEscape(layer.kind)}</ows:Keyword></ows:Keywords>
      <DefaultCRS>urn:ogc:def:crs:EPSG::4490</DefaultCRS>
      ${otherCrs.map((c) => `<OtherCRS>${c}</OtherCRS>`).join('')}
      <OutputFormats>${OUTPUT_FORMATS.map((f) => `<Format>${xmlEscape(f)}</Format>`).join('')}</OutputFormats>
      <ows:WGS84BoundingBox><ows:LowerCorner>${w} ${s}</ows:LowerCorner><ows:UpperCorner>${e} ${n}</ows:UpperCorner></ows:WGS84BoundingBox>
    </FeatureType>`;
      })
      .join('\n    ');
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<WFS_Capabilities version="2.0.0" xmlns="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:${NAMESPACE_PREFIX}="${NAMESPACE_URI}" xsi:schemaLocation="http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd">
  <ows:ServiceIdentification>
    <ows:Title>一张蓝图 WFS</ows:Title>
    <ows:Abstract>工程建设项目审批管理系统“一张蓝图”要素服务：规划、控制线、行政区划、区域评估（CGCS2000）</ows:Abstract>
    <ows:ServiceType>WFS</ows:ServiceType>
    <ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion>
    <ows:Fees>NONE</ows:Fees>
    <ows:AccessConstraints>NONE</ows:AccessConstraints>
  </ows:ServiceIdentification>
  <ows:OperationsMetadata>
    ${operation('GetCapabilities', href, key, { AcceptVersions: ['2.0.0'] })}
    ${operation('DescribeFeatureType', href, key, { outputFormat: ['application/gml+xml; version=3.2'] })}
    ${operation('GetFeature', href, key, { outputFormat: OUTPUT_FORMATS, resultType: ['results', 'hits'] })}
    ${constraint('ImplementsBasicWFS', 'TRUE')}
    ${constraint('ImplementsTransactionalWFS', 'FALSE')}
    ${constraint('ImplementsLockingWFS', 'FALSE')}
    ${constraint('KVPEncoding', 'TRUE')}
    ${constraint('XMLEncoding', 'TRUE')}
    ${constraint('SOAPEncoding', 'FALSE')}
    ${constraint('ImplementsInheritance', 'FALSE')}
    ${constraint('ImplementsRemoteResolve', 'FALSE')}
    ${constraint('ImplementsResultPaging', 'TRUE')}
    ${constraint('ImplementsStandardJoins', 'FALSE')}
    ${constraint('ImplementsSpatialJoins', 'FALSE')}
    ${constraint('ImplementsTemporalJoins', 'FALSE')}
    ${constraint('ImplementsFeatureVersioning', 'FALSE')}
    ${constraint('ManageStoredQueries', 'FALSE')}
    ${constraint('CountDefault', String(maxCount))}
  </ows:OperationsMetadata>
  <FeatureTypeList>
    ${featureTypes}
  </FeatureTypeList>
  <fes:Filter_Capabilities>
    <fes:Conformance>${CONFORMANCE.map((c) => `<fes:Constraint name="${c}"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></fes:Constraint>`).join('')}</fes:Conformance>
    <fes:Id_Capabilities><fes:ResourceIdentifier name="fes:ResourceId"/></fes:Id_Capabilities>
    <fes:Scalar_Capabilities>
      <fes:LogicalOperators/>
      <fes:ComparisonOperators>${COMPARISON.map((c) => `<fes:ComparisonOperator name="${c}"/>`).join('')}</fes:ComparisonOperators>
    </fes:Scalar_Capabilities>
    <fes:Spatial_Capabilities>
      <fes:GeometryOperands><fes:GeometryOperand name="gml:Envelope"/><fes:GeometryOperand name="gml:Point"/><fes:GeometryOperand name="gml:LineString"/><fes:GeometryOperand name="gml:Polygon"/></fes:GeometryOperands>
      <fes:SpatialOperators>${SPATIAL.map((s) => `<fes:SpatialOperator name="${s}"/>`).join('')}</fes:SpatialOperators>
    </fes:Spatial_Capabilities>
  </fes:Filter_Capabilities>
</WFS_Capabilities>
`;
    res.type('application/xml; charset=utf-8').send(body);
  };
}
