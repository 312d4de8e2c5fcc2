// WMS 1.3.0 exceptions as images (6.9.4 and Annex, EXCEPTIONS=INIMAGE or BLANK): a GetMap that fails
// answers a picture of the asked size and format, with the message written in it (INIMAGE) or empty
// (BLANK), so that a map client showing the image shows the problem instead of a broken picture.
// Everything read here is read leniently: the request is already known to be faulty.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { Kvp } from '../kvp';
import type { OgcException } from '../ogc-exception';
import { cssColor, parseBgColor, type Rgba } from './render/colors';
import { cjkFont } from './render/fonts';
import { encodeImage } from './render/encode-image';
import { IMAGE_FORMATS, imageFormat, type ImageFormat } from './formats';
import { MAX_IMAGE_SIZE } from './get-map-params';

export const EXCEPTION_FORMATS = ['XML', 'INIMAGE', 'BLANK'];
const FALLBACK_SIZE = 256;
const TEXT_PX = 13;
const MARGIN_PX = 6;
const TEXT_COLOR: Rgba = [176, 0, 32, 1];
const WHITE: Rgba = [255, 255, 255, 1];

function size(kvp: Kvp, name: string): number {
  const value = Number(kvp.get(name));
  return Number.isInteger(value) && value >= 1 && value <= MAX_IMAGE_SIZE ? value : FALLBACK_SIZE;
}

function formatOf(kvp: Kvp): ImageFormat {
  try {
    return imageFormat(kvp.get('FORMAT'));
  } catch {
    return IMAGE_FORMATS[0]!;
  }
}

/** Breaks the message into lines that fit the width (by characters, which also splits Chinese text). */
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (char !== '\n' && ctx.measureText(line + char).width <= width) {
      line += char;
      continue;
    }
    lines.push(line);
    line = char === '\n' ? '' : char;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The exception as an image when a WMS GetMap asked for EXCEPTIONS=INIMAGE or BLANK; undefined for any
 * other request, which answers the XML report.
 */
export async function exceptionImage(
  query: Record<string, unknown>,
  error: OgcException,
): Promise<{ mime: string; body: Buffer } | undefined> {
  const kvp = new Kvp(query);
  const mode = kvp
    .get('EXCEPTIONS')
    ?.toUpperCase()
    .replace(/^APPLICATION\/VND\.OGC\.SE_/, '');
  if (mode !== 'INIMAGE' && mode !== 'BLANK') return undefined;
  if (kvp.get('REQUEST')?.toLowerCase() !== 'getmap') return undefined;
  const width = size(kvp, 'WIDTH');
  const height = size(kvp, 'HEIGHT');
  const format = formatOf(kvp);
  const transparent = /^true$/i.test(kvp.get('TRANSPARENT') ?? '') && format.alpha;
  const background = transparent ? null : (parseBgColor(kvp.get('BGCOLOR') ?? '') ?? WHITE);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (background) {
    ctx.fillStyle = cssColor(background);
    ctx.fillRect(0, 0, width, height);
  }
  if (mode === 'INIMAGE') {
    ctx.font = cjkFont(TEXT_PX);
    ctx.fillStyle = cssColor(TEXT_COLOR);
    ctx.textBaseline = 'top';
    const text = `${error.code}${error.locator ? ` (${error.locator})` : ''}: ${error.message}`;
    wrap(ctx, text, width - 2 * MARGIN_PX).forEach((line, i) =>
      ctx.fillText(line, MARGIN_PX, MARGIN_PX + i * (TEXT_PX + 3)),
    );
  }
  return { mime: format.mime, body: await encodeImage(canvas, format, background !== null) };
}
