// GET /api/v1/layers/:code/features: a version's features as GeoJSON: the current one, `version=N`, or the
// one current `asOf` a date (the blueprint as it was), optionally within `bbox` (lon/lat), paged.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { queryFeatures, versionAsOf, versionId } from '../../layers';
import { badRequest, notFound } from '../errors';
import { parseInput } from '../request-body';
import { requireLayerRecord } from './layer-versions';

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
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export function featuresHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    const q = parseInput(query, req.query);
    if (q.version !== undefined && q.asOf !== undefined)
      throw badRequest('version与asOf只能给一个 / give version or asOf, not both', { parameter: 'asOf' });
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
    const collection = await queryFeatures(pool, id, {
      limit: q.limit,
      offset: q.offset,
      ...(q.bbox ? { bbox: q.bbox as [number, number, number, number] } : {}),
    });
    res.type('application/geo+json').json(collection);
  };
}
