// The parameters of the one-blueprint standard page, as its URL gives them and as a signed link is asked
// for: a project code, layer codes (comma-separated or a JSON array) and a lon/lat extent in CGCS2000
// (minLon,minLat,maxLon,maxLat). A bad one is a 400 naming it, which the page shows in Chinese.
import { z } from 'zod';
import { MAX_PAGE_LAYERS } from '../../layers';

const LAYER_CODE = /^[a-z][a-z0-9_]{1,62}$/;
const BBOX_MESSAGE =
  '应为 最小经度,最小纬度,最大经度,最大纬度（CGCS2000） / expected minLon,minLat,maxLon,maxLat';

const commaList = z.union([
  z.string().transform((s) => s.split(',').map((p) => p.trim())),
  z.array(z.string()),
]);

export const projectCodeParameter = z.string().trim().min(1).max(64);

export const layersParameter = commaList
  .transform((codes) => codes.filter((code) => code !== ''))
  .refine((codes) => codes.length >= 1, '至少一个图层 / at least one layer')
  .refine(
    (codes) => codes.length <= MAX_PAGE_LAYERS,
    `至多${MAX_PAGE_LAYERS}个图层 / at most ${MAX_PAGE_LAYERS} layers`,
  )
  .refine((codes) => codes.every((code) => LAYER_CODE.test(code)), '图层编码不正确 / malformed layer code');

export const bboxParameter = z
  .union([
    z.string().transform((s) => s.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)))),
    z.array(z.number()),
  ])
  .refine((b) => b.length === 4 && b.every(Number.isFinite), BBOX_MESSAGE)
  .refine(
    (b) => Math.abs(b[0]!) <= 180 && Math.abs(b[2]!) <= 180 && Math.abs(b[1]!) <= 90 && Math.abs(b[3]!) <= 90,
    '经纬度超出范围（经度±180，纬度±90；是否写反了顺序？） / lon/lat out of range (axis order?)',
  )
  .refine((b) => b[0]! < b[2]! && b[1]! < b[3]!, '最小值须小于最大值 / min must be below max')
  .transform((b) => b as [number, number, number, number]);

/** GET /api/v1/blueprint: what the page shows; the credentials (apikey, expires, signature) pass by. */
export const pageQuery = z.object({
  projectCode: projectCodeParameter.optional(),
  layers: layersParameter.optional(),
  bbox: bboxParameter.optional(),
});

const MAX_LINK_MINUTES = 30 * 24 * 60;

/** POST /api/v1/blueprint-links. */
export const linkRequest = z
  .object({
    projectCode: projectCodeParameter.optional(),
    layers: layersParameter.optional(),
    bbox: bboxParameter.optional(),
    /** how long the link works; a day unless said */
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_LINK_MINUTES)
      .default(24 * 60),
  })
  .strict();
