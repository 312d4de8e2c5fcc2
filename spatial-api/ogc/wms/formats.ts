// Output formats: map images (GetMap, GetLegendGraphic) and feature information (GetFeatureInfo); values
// match case-insensitively, MIME parameters ("; mode=8bit") ignored, short names ("png") accepted.
import { OgcException } from '../ogc-exception';

export interface ImageFormat {
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  encoder: 'png' | 'jpeg' | 'webp';
  /** whether the format keeps an alpha channel (TRANSPARENT=TRUE) */
  alpha: boolean;
}

export const IMAGE_FORMATS: ImageFormat[] = [
  { mime: 'image/png', encoder: 'png', alpha: true },
  { mime: 'image/jpeg', encoder: 'jpeg', alpha: false },
  { mime: 'image/webp', encoder: 'webp', alpha: true },
];

const IMAGE_ALIASES: Record<string, ImageFormat['mime']> = {
  png: 'image/png',
  'image/png8': 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  'image/jpg': 'image/jpeg',
  webp: 'image/webp',
};

export type InfoFormat = 'json' | 'html' | 'gml';

/** INFO_FORMAT values offered in the capabilities, in order, with what each answers. */
export const INFO_FORMATS: { mime: string; format: InfoFormat }[] = [
  { mime: 'application/json', format: 'json' },
  { mime: 'text/html', format: 'html' },
  { mime: 'application/vnd.ogc.gml', format: 'gml' },
  { mime: 'application/gml+xml; version=3.2', format: 'gml' },
];

const INFO_ALIASES: Record<string, InfoFormat> = {
  'application/json': 'json',
  'application/geo+json': 'json',
  json: 'json',
  'text/html': 'html',
  html: 'html',
  'application/vnd.ogc.gml': 'gml',
  'application/vnd.ogc.gml/3.1.1': 'gml',
  'application/gml+xml': 'gml',
  'text/xml': 'gml',
  gml: 'gml',
  gml3: 'gml',
  gml32: 'gml',
};

const bareMime = (value: string) => value.split(';')[0]!.trim().toLowerCase();

export function imageFormat(raw: string | undefined, locator = 'FORMAT'): ImageFormat {
  const mime = raw === undefined ? 'image/png' : (IMAGE_ALIASES[bareMime(raw)] ?? bareMime(raw));
  const found = IMAGE_FORMATS.find((f) => f.mime === mime);
  if (!found) {
    throw new OgcException(
      'InvalidFormat',
      locator,
      `不支持的图片格式“${raw}”，可用：${IMAGE_FORMATS.map((f) => f.mime).join('、')} / unsupported format ${raw}`,
    );
  }
  return found;
}

export function infoFormat(raw: string | undefined): { format: InfoFormat; mime: string } {
  if (raw === undefined) return { format: 'html', mime: 'text/html' };
  const format = INFO_ALIASES[bareMime(raw)];
  if (!format) {
    throw new OgcException(
      'InvalidFormat',
      'INFO_FORMAT',
      `不支持的信息格式“${raw}”，可用：${INFO_FORMATS.map((f) => f.mime).join('、')} / unsupported INFO_FORMAT ${raw}`,
    );
  }
  const mime = format === 'json' ? 'application/json' : format === 'html' ? 'text/html' : raw.trim();
  return { format, mime };
}
