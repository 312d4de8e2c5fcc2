// GET /tiles/:layer.json: the TileJSON 3.0 document of a layer's vector tiles.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { documentCaching, keyQuery } from '../ogc/key-parameter';
import { requestOrigin } from '../ogc/request-origin';
import { MAX_ZOOM, tileLayer } from './mvt-handler';

export function tileJsonHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.layer);
    const { layer, versionId } = await tileLayer(pool, code);
    const base = requestOrigin(req);
    const [w, s, e, n] = layer.extent ?? [-180, -85, 180, 85];
    const key = keyQuery(req);
    documentCaching(req, res, 60);
    res.json({
      tilejson: '3.0.0',
      name: layer.name,
      description: layer.description,
      version: `${layer.version}`,
      attribution: '一张蓝图',
      scheme: 'xyz',
      tiles: [`${base}/tiles/${code}/{z}/{x}/{y}.mvt?v=${versionId}${key ? `&${key}` : ''}`],
      minzoom: 0,
      maxzoom: MAX_ZOOM,
      bounds: [w, s, e, n],
      center: [(w + e) / 2, (s + n) / 2, 12],
      vector_layers: [
        {
          id: code,
          description: layer.name,
          minzoom: 0,
          maxzoom: MAX_ZOOM,
          fields: Object.fromEntries(
            layer.attributeSchema.map((a) => [
              a.name,
              a.type === 'string' || a.type === 'date'
                ? 'String'
                : a.type === 'boolean'
                  ? 'Boolean'
                  : 'Number',
            ]),
          ),
        },
      ],
    });
  };
}
