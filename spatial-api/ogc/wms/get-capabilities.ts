// GetCapabilities (WMS 1.3.0, 7.2): the service, operations and formats, and the layer tree: a root with
// the CRSs, one group per layer kind (Chinese title), each layer with extents, TIME, style and legend.
import { EXCEPTION_FORMATS } from './exception-image';
import type { Pool } from 'pg';
import type { WmsLimits } from '../../config';
import { kindInfo, LAYER_KINDS } from '../../../layers';
import { advertisedCrs } from '../crs';
import type { OgcOperation } from '../ows-router';
import { visibleTo } from '../layer-visibility';
import { xmlEscape } from '../xml';
import { IMAGE_FORMATS, INFO_FORMATS } from './formats';
import { MAX_IMAGE_SIZE } from './get-map-params';
import { legendLayout, legendRows } from './legend-layout';
import { publicationTimes } from './publication-times';
import { serviceUrl } from './service-url';
import { publishedWmsLayers, type WmsLayer } from './wms-layers';
import { requestCatalog } from '../../request-catalog';

type Extent = [number, number, number, number];

const WORLD: Extent = [-180, -90, 180, 90];
const EARTH_RADIUS_M = 6378137;

const SERVICE_ABSTRACT =
  '一张蓝图（多规合一）的网络地图服务：行政区划、国土空间规划、控制线、区域评估与遥感影像，以CGCS2000（EPSG:4490）存储，可按EPSG:4490、EPSG:4326、EPSG:3857及CGCS2000高斯-克吕格分带出图。' +
  'TIME参数（ISO 8601）绘制该时刻现行的图层版本。 / One Blueprint web map service: the plans, control lines, divisions, ' +
  'assessments and imagery of the city; TIME (ISO 8601) draws the layer versions current at that moment.';

const num = (n: number) => String(Number(n.toFixed(8)));

function union(extents: Extent[]): Extent {
  if (extents.length === 0) return WORLD;
  return [
    Math.min(...extents.map((e) => e[0])),
    Math.min(...extents.map((e) => e[1])),
    Math.max(...extents.map((e) => e[2])),
    Math.max(...extents.map((e) => e[3])),
  ];
}

function webMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  return [
    (EARTH_RADIUS_M * lon * Math.PI) / 180,
    EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)),
  ];
}

/** EX_GeographicBoundingBox and BoundingBoxes; EPSG:4490 in its 1.3.0 axis order, latitude first. */
function extentLines(e: Extent): string[] {
  const [minLon, minLat, maxLon, maxLat] = e;
  const [minX, minY] = webMercator(minLon, minLat);
  const [maxX, maxY] = webMercator(maxLon, maxLat);
  return [
    `<EX_GeographicBoundingBox><westBoundLongitude>${num(minLon)}</westBoundLongitude><eastBoundLongitude>${num(maxLon)}</eastBoundLongitude>` +
      `<southBoundLatitude>${num(minLat)}</southBoundLatitude><northBoundLatitude>${num(maxLat)}</northBoundLatitude></EX_GeographicBoundingBox>`,
    `<BoundingBox CRS="CRS:84" minx="${num(minLon)}" miny="${num(minLat)}" maxx="${num(maxLon)}" maxy="${num(maxLat)}"/>`,
    `<BoundingBox CRS="EPSG:4490" minx="${num(minLat)}" miny="${num(minLon)}" maxx="${num(maxLat)}" maxy="${num(maxLon)}"/>`,
    `<BoundingBox CRS="EPSG:3857" minx="${num(minX)}" miny="${num(minY)}" maxx="${num(maxX)}" maxy="${num(maxY)}"/>`,
  ];
}

function layerAbstract(layer: WmsLayer): string {
  const s = layer.summary;
  const facts = [
    `图层代码 ${s.code}`,
    `第${s.version}版`,
    layer.raster ? '遥感影像（COG）' : `${s.featureCount}个要素`,
    s.publishedAt ? `发布于 ${s.publishedAt}` : '',
    s.source ? `来源：${s.source}` : '',
  ].filter((f) => f !== '');
  return [s.description, facts.join('，')].filter((p) => p !== '').join('。');
}

function layerXml(layer: WmsLayer, url: string, times: Date[] | undefined, indent: string): string {
  const s = layer.summary;
  const legend = legendLayout(legendRows(layer));
  const legendHref = `${url}VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=${encodeURIComponent(layer.name)}&FORMAT=image/png&STYLE=default`;
  const styleTitle =
    s.style && typeof (s.style as { name?: unknown }).name === 'string'
      ? (s.style as { name: string }).name
      : s.name;
  const lines = [
    `<Layer queryable="${layer.raster ? 0 : 1}" opaque="${layer.raster ? 1 : 0}">`,
    `  <Name>${xmlEscape(layer.name)}</Name>`,
    `  <Title>${xmlEscape(s.name)}</Title>`,
    `  <Abstract>${xmlEscape(layerAbstract(layer))}</Abstract>`,
    `  <KeywordList><Keyword>${xmlEscape(kindInfo(s.kind)?.name ?? s.kind)}</Keyword><Keyword>${xmlEscape(s.code)}</Keyword></KeywordList>`,
    ...(s.extent ? extentLines(s.extent).map((line) => `  ${line}`) : []),
    ...(times && times.length > 0
      ? [
          `  <Dimension name="time" units="ISO8601" default="current" current="1" nearestValue="0">${times
            .map((t) => t.toISOString())
            .join(',')}</Dimension>`,
        ]
      : []),
    '  <Style>',
    '    <Name>default</Name>',
    `    <Title>${xmlEscape(styleTitle)}</Title>`,
    `    <LegendURL width="${legend.width}" height="${legend.height}">`,
    '      <Format>image/png</Format>',
    `      <OnlineResource xlink:type="simple" xlink:href="${xmlEscape(legendHref)}"/>`,
    '    </LegendURL>',
    '  </Style>',
    '</Layer>',
  ];
  return lines.map((line) => indent + line).join('\n');
}

function operationXml(name: string, formats: string[], url: string): string {
  return [
    `      <${name}>`,
    ...formats.map((f) => `        <Format>${xmlEscape(f)}</Format>`),
    `        <DCPType><HTTP><Get><OnlineResource xlink:type="simple" xlink:href="${xmlEscape(url)}"/></Get></HTTP></DCPType>`,
    `      </${name}>`,
  ].join('\n');
}

export function capabilitiesXml(
  layers: WmsLayer[],
  times: Map<string, Date[]>,
  url: string,
  layerLimit?: number,
): string {
  const extent = union(layers.map((l) => l.summary.extent).filter((e): e is Extent => e !== null));
  const groups = LAYER_KINDS.map((kind) => ({
    kind,
    members: layers.filter((l) => l.summary.kind === kind.kind),
  })).filter((g) => g.members.length > 0);
  const imageMimes = IMAGE_FORMATS.map((f) => f.mime);
  return `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sld="http://www.opengis.net/sld" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd">
  <Service>
    <Name>WMS</Name>
    <Title>一张蓝图</Title>
    <Abstract>${xmlEscape(SERVICE_ABSTRACT)}</Abstract>
    <KeywordList><Keyword>一张蓝图</Keyword><Keyword>多规合一</Keyword><Keyword>国土空间规划</Keyword><Keyword>WMS</Keyword></KeywordList>
    <OnlineResource xlink:type="simple" xlink:href="${xmlEscape(url)}"/>
    <Fees>none</Fees>
    <AccessConstraints>none</AccessConstraints>${layerLimit === undefined ? '' : `\n    <LayerLimit>${layerLimit}</LayerLimit>`}
    <MaxWidth>${MAX_IMAGE_SIZE}</MaxWidth>
    <MaxHeight>${MAX_IMAGE_SIZE}</MaxHeight>
  </Service>
  <Capability>
    <Request>
${operationXml('GetCapabilities', ['text/xml'], url)}
${operationXml('GetMap', imageMimes, url)}
${operationXml(
  'GetFeatureInfo',
  INFO_FORMATS.map((f) => f.mime),
  url,
)}
${operationXml('sld:GetLegendGraphic', imageMimes, url)}
    </Request>
    <Exception>
${EXCEPTION_FORMATS.map((f) => `      <Format>${f}</Format>`).join('\n')}
    </Exception>
    <Layer>
      <Title>一张蓝图</Title>
      <Abstract>${xmlEscape(SERVICE_ABSTRACT)}</Abstract>
${advertisedCrs()
  .map((crs) => `      <CRS>${crs}</CRS>`)
  .join('\n')}
${extentLines(extent)
  .map((line) => `      ${line}`)
  .join('\n')}
${groups
  .map((g) =>
    [
      '      <Layer>',
      `        <Title>${xmlEscape(g.kind.name)}</Title>`,
      `        <Abstract>${xmlEscape(g.kind.nameEn)}</Abstract>`,
      ...g.members.map((l) => layerXml(l, url, times.get(l.summary.code), '        ')),
      '      </Layer>',
    ].join('\n'),
  )
  .join('\n')}
    </Layer>
  </Capability>
</WMS_Capabilities>
`;
}

export function getCapabilities(pool: Pool, limits: WmsLimits): OgcOperation {
  return async (req, res) => {
    const [catalog, times] = await Promise.all([requestCatalog(pool), publicationTimes(pool)]);
    const layers = publishedWmsLayers(catalog).filter((l) => visibleTo(res)(l.summary));
    res
      .status(200)
      .type('text/xml; charset=utf-8')
      .send(capabilitiesXml(layers, times, serviceUrl(req), limits.maxLayers));
  };
}
