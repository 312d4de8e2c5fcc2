// The GetFeature output formats: GML 3.2 (the WFS 2.0 default) and GeoJSON.
import { OgcException } from '../ogc-exception';

export type OutputFormat = 'gml32' | 'geojson';

export const GML32_MIME = 'application/gml+xml; version=3.2';
export const OUTPUT_FORMATS = [
  GML32_MIME,
  'text/xml; subtype=gml/3.2',
  'application/json',
  'application/geo+json',
];

export function parseOutputFormat(raw: string | undefined): OutputFormat {
  if (raw === undefined) return 'gml32';
  const value = raw.toLowerCase().replace(/\s+/g, '');
  if (['application/json', 'application/geo+json', 'json', 'geojson'].includes(value)) return 'geojson';
  if (
    ['application/gml+xml;version=3.2', 'text/xml;subtype=gml/3.2', 'gml32', 'application/gml+xml'].includes(
      value,
    )
  )
    return 'gml32';
  throw new OgcException(
    'InvalidParameterValue',
    'OUTPUTFORMAT',
    `不支持的输出格式“${raw}”，可用：${OUTPUT_FORMATS.join('、')} / unsupported output format`,
  );
}
