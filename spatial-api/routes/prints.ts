// POST /api/v1/prints: the current map view as a landscape A4/A3 PDF with title, legend, scale bar, numeric
// scale and north arrow (prints/), from the image the browser drew and the layout fields (print-upload.ts).
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { PAPER_SIZES, printPdf } from '../../prints';
import { badRequest } from '../errors';
import { parseInput } from '../request-body';
import { receivePrint } from './print-upload';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PIXELS = 8192 * 8192;

function jsonField(message: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
  };
}

const fields = z.object({
  title: z.string().trim().min(1, '请填写标题 / give a title').max(100),
  paper: z.enum(PAPER_SIZES).default('A4'),
  metresPerPixel: z.coerce
    .number({ message: '应为数字 / a number' })
    .positive('应为正数 / a positive number')
    .max(100_000),
  legend: z
    .string()
    .default('[]')
    .transform(jsonField('不是JSON / not JSON'))
    .pipe(
      z
        .array(
          z.object({
            name: z.string().trim().min(1).max(100),
            colour: z
              .string()
              .regex(/^#[0-9a-fA-F]{6}$/, '应为#rrggbb / #rrggbb')
              .nullable(),
          }),
        )
        .max(60),
    ),
  notes: z
    .string()
    .default('[]')
    .transform(jsonField('不是JSON / not JSON'))
    .pipe(z.array(z.string().max(200)).max(6)),
});

export function printHandler(): RequestHandler {
  return async (req, res) => {
    const upload = await receivePrint(req);
    const map = upload.map;
    if (!map || map.length < 24 || !map.subarray(0, 8).equals(PNG_SIGNATURE)) {
      throw badRequest('地图图片map应为PNG文件 / the file map must be a PNG image', { parameter: 'map' });
    }
    const pixels = map.readUInt32BE(16) * map.readUInt32BE(20);
    if (pixels === 0 || pixels > MAX_PIXELS) {
      throw badRequest('地图图片尺寸不正确 / the map image is empty or too large', { parameter: 'map' });
    }
    const f = parseInput(fields, upload.fields);
    const pdf = await printPdf({ ...f, mapPng: map });
    res.attachment('map-print.pdf').type('application/pdf').send(pdf);
  };
}
