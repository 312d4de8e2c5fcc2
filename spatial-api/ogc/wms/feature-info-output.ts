// Writes GetFeatureInfo answers: GeoJSON (properties as stored), an HTML table per layer with the Chinese
// labels and units of the attribute schema (code-list values with their names), and GML 3.2.
import type { Feature, FeatureCollection } from 'geojson';
import { codeEntry, type AttributeDefinition } from '../../../layers';
import { NAMESPACE_PREFIX, NAMESPACE_URI } from '../feature-types';
import { xmlEscape } from '../xml';
import type { InfoFeature } from './feature-info-query';
import type { WmsLayer } from './wms-layers';

export interface LayerHits {
  layer: WmsLayer;
  features: InfoFeature[];
}

const featureId = (layer: WmsLayer, f: InfoFeature) => `${layer.summary.code}.${f.featureKey ?? f.id}`;

export function infoJson(hits: LayerHits[]): string {
  const features = hits.flatMap(({ layer, features: found }) =>
    found.map((f): Feature & { layer: string; layerTitle: string } => ({
      type: 'Feature',
      id: featureId(layer, f),
      layer: layer.name,
      layerTitle: layer.summary.name,
      properties: f.properties,
      geometry: f.geometry!,
    })),
  );
  const collection: FeatureCollection & { numberReturned: number } = {
    type: 'FeatureCollection',
    numberReturned: features.length,
    features,
  };
  return JSON.stringify(collection);
}

function displayValue(attribute: AttributeDefinition | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (attribute?.codeList) {
    const entry = codeEntry(attribute.codeList, text);
    if (entry) return `${text} ${entry.name}`;
  }
  if (attribute?.type === 'boolean') return value === true || text === 'true' ? '是' : '否';
  return attribute?.unit ? `${text} ${attribute.unit}` : text;
}

/** Columns: the schema's attributes in order, then any other property the features carry. */
function columns(
  layer: WmsLayer,
  features: InfoFeature[],
): { name: string; label: string; attribute?: AttributeDefinition }[] {
  const schema = layer.summary.attributeSchema;
  const known = new Set(schema.map((a) => a.name));
  const extra = [...new Set(features.flatMap((f) => Object.keys(f.properties)))].filter((k) => !known.has(k));
  return [
    ...schema.map((a) => ({ name: a.name, label: a.label || a.name, attribute: a })),
    ...extra.map((k) => ({ name: k, label: k })),
  ];
}

export function infoHtml(hits: LayerHits[]): string {
  const sections = hits.map(({ layer, features }) => {
    const cols = columns(layer, features);
    const head = cols.map((c) => `<th>${xmlEscape(c.label)}</th>`).join('');
    const body = features
      .map(
        (f) =>
          `<tr>${cols.map((c) => `<td>${xmlEscape(displayValue(c.attribute, f.properties[c.name]))}</td>`).join('')}</tr>`,
      )
      .join('\n');
    return `<h2>${xmlEscape(layer.summary.name)}（${xmlEscape(layer.name)}）</h2>
${features.length === 0 ? '<p>此处无要素</p>' : `<table>\n<tr>${head}</tr>\n${body}\n</table>`}`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>要素信息</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:13px}table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 6px;text-align:left}th{background:#eee}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}

const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/** PostGIS gives the parts of a multi-geometry the id of the whole; GML 3.2 wants every gml:id unique. */
function uniqueGmlIds(gml: string): string {
  let n = 0;
  return gml.replace(/gml:id="([^"]*)"/g, (_, id: string) => `gml:id="${id}${n++ === 0 ? '' : `.${n - 1}`}"`);
}

export function infoGml(hits: LayerHits[]): string {
  const members = hits.flatMap(({ layer, features }) =>
    features.map((f) => {
      const code = layer.summary.code;
      const properties = layer.summary.attributeSchema
        .filter(
          (a) => XML_NAME.test(a.name) && f.properties[a.name] !== undefined && f.properties[a.name] !== null,
        )
        .map((a) => {
          const v = f.properties[a.name];
          return `      <${NAMESPACE_PREFIX}:${a.name}>${xmlEscape(typeof v === 'object' ? JSON.stringify(v) : v)}</${NAMESPACE_PREFIX}:${a.name}>`;
        });
      return [
        '  <wfs:member>',
        `    <${NAMESPACE_PREFIX}:${code} gml:id="${xmlEscape(featureId(layer, f).replace(/[^\p{L}\p{N}._-]/gu, '_'))}">`,
        ...properties,
        `      <${NAMESPACE_PREFIX}:geometry>${uniqueGmlIds(f.gml ?? '')}</${NAMESPACE_PREFIX}:geometry>`,
        `    </${NAMESPACE_PREFIX}:${code}>`,
        '  </wfs:member>',
      ].join('\n');
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:${NAMESPACE_PREFIX}="${NAMESPACE_URI}" timeStamp="${new Date().toISOString()}" numberMatched="unknown" numberReturned="${members.length}">
${members.join('\n')}
</wfs:FeatureCollection>
`;
}
