// GET /api/v1/layers and /api/v1/layers/:code: the catalog as the client and city systems see it.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { findLayer, kindInfo, listLayers, type LayerSummary } from '../../layers';
import { notFound } from '../errors';

function present(layer: LayerSummary) {
  return {
    ...layer,
    kindName: kindInfo(layer.kind)?.name ?? layer.kind,
    tiles:
      layer.geometryType === 'Raster' || layer.version === null
        ? null
        : `/tiles/${layer.code}/{z}/{x}/{y}.mvt`,
  };
}

export function listLayersHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.json({ layers: (await listLayers(pool)).map(present) });
  };
}

export function getLayerHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.code);
    const layer = await findLayer(pool, code);
    if (!layer)
      throw notFound(`图层不存在 / no layer with code "${code}"`, { parameter: 'code', value: code });
    res.json(present(layer));
  };
}
