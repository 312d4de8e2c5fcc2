// GET /api/v1/layers/:code/features: a version's features: the current one, `version=N`, or the one
// current `asOf` a date (the blueprint as it was), optionally within `bbox` (lon/lat); as GeoJSON, paged,
// or with `format=boundary-text` as a boundary-coordinate text file (国土TXT) in the city's Gauss-Krüger
// zone, UTF-8 or `encoding=GBK`.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { queryFeatures, versionAsOf, versionId } from '../../layers';
import { exportBoundaryText, ImportError } from '../../importers';
import { badRequest, notFound } from '../errors';
import { parseInput } from '../request-body';
import { requireLayerRecord } from './layer-versions';

const DEFAULT_PAGE = 1000;
const POLYGON_TYPES = ['Polygon', 'MultiPolygon'];

const query = z.object({
  version: z.coerce.number().int().min(1).optional(),
  asOf: z.coerce.date().optional(),
  bbox: z
    .string()
    .transform((s) => s.split(',').map(Number))
    .refine(
      (b) => b.length === 4 && b.every(Number.isFinite) && b[0]! < b[2]! && b[1]! < b[3]!,
      '应为minLon,minLat,maxLon,maxLat / expected minLon,minLat,maxLon,maxLat',
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['geojson', 'boundary-text']).default('geojson'),
  encoding: z
    .string()
    .transform((s) => s.toUpperCase().replace(/^UTF8$/, 'UTF-8'))
    .pipe(z.enum(['UTF-8', 'GBK']))
    .optional(),
});

export function featuresHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    const q = parseInput(query, req.query);
    if (q.version !== undefined && q.asOf !== undefined)
      throw badRequest('version与asOf只能给一个 / give version or asOf, not both', { parameter: 'asOf' });
    if (q.format === 'boundary-text' && !POLYGON_TYPES.includes(layer.geometryType)) {
      throw badRequest(
        `图层“${layer.code}”不是面图层，无法导出界址点坐标文本 / layer ${layer.code} holds ${layer.geometryType} features: format=boundary-text is for polygon layers`,
        { parameter: 'format', value: q.format },
      );
    }
    if (q.encoding !== undefined && q.format !== 'boundary-text') {
      throw badRequest('encoding只用于format=boundary-text / encoding applies to format=boundary-text', {
        parameter: 'encoding',
      });
    }
    const id =
      q.version !== undefined
        ? await versionId(pool, layer.id, q.version)
        : q.asOf !== undefined
          ? await versionAsOf(pool, layer.id, q.asOf)
          : (layer.currentVersionId ?? undefined);
    if (id === undefined) {
      throw notFound(`图层“${layer.code}”在所给条件下没有版本 / no version of ${layer.code} matches`, {
        parameter: q.version !== undefined ? 'version' : q.asOf !== undefined ? 'asOf' : 'code',
      });
    }
    const bbox = q.bbox as [number, number, number, number] | undefined;
    if (q.format === 'boundary-text') {
      const encoding = q.encoding ?? 'UTF-8';
      const exported = await exportBoundaryText(pool, id, {
        offset: q.offset,
        encoding,
        ...(bbox ? { bbox } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      }).catch((error: unknown) => {
        if (error instanceof ImportError)
          throw badRequest(error.message, { code: error.code, ...error.details });
        throw error;
      });
      if (exported.parcels === 0) {
        throw notFound(`图层“${layer.code}”在所给范围内没有要素 / no feature of ${layer.code} matches`, {
          parameter: bbox ? 'bbox' : 'code',
        });
      }
      // attachment() sets a type from the file name: the charset goes after it
      res
        .attachment(`${layer.code}.txt`)
        .type(`text/plain; charset=${encoding === 'GBK' ? 'GBK' : 'utf-8'}`)
        .send(exported.bytes);
      return;
    }
    const collection = await queryFeatures(pool, id, {
      limit: q.limit ?? DEFAULT_PAGE,
      offset: q.offset,
      ...(bbox ? { bbox } : {}),
    });
    res.type('application/geo+json').json(collection);
  };
}
