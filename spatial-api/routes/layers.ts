// The layer catalog over REST: list (by kind, only the layers the caller may read), read, create, update
// metadata, delete (soft).
import type { RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { canReadLayer, inDistrictScope } from '../../accounts';
import {
  createLayer,
  GEOMETRY_TYPES,
  findLayer,
  isRasterLayer,
  kindInfo,
  LAYER_KINDS,
  listLayers,
  softDeleteLayer,
  updateLayerMetadata,
  type LayerSummary,
} from '../../layers';
import { forbidden } from '../access/access-errors';
import { principalOf } from '../access/principal-of';
import { conflict, notFound } from '../errors';
import type { GeoServerSync } from '../geoserver-sync';
import { parseInput } from '../request-body';
import { imageTilesBelowZoom } from '../tiles/tile-generalisation';

const KINDS = LAYER_KINDS.map((k) => k.kind) as [string, ...string[]];

const attributeSchema = z.array(
  z.object({
    name: z.string().regex(/^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5]{0,62}$/),
    label: z.string().min(1),
    type: z.enum(['string', 'integer', 'number', 'date', 'boolean']),
    required: z.boolean().optional(),
    codeList: z.string().optional(),
    unit: z.string().optional(),
    key: z.boolean().optional(),
  }),
);

const metadata = {
  description: z.string().max(4000).optional(),
  attributeSchema: attributeSchema.optional(),
  style: z.record(z.string(), z.unknown()).nullable().optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  source: z.string().max(400).nullable().optional(),
  /** served to anyone without a key or session */
  public: z.boolean().optional(),
};

const newLayer = z.object({
  code: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{1,62}$/,
      '小写字母开头，只含小写字母、数字和下划线 / lower-case letters, digits and _',
    ),
  name: z.string().min(1).max(200),
  kind: z.enum(KINDS),
  geometryType: z.enum(GEOMETRY_TYPES),
  ...metadata,
});

const change = z
  .object({
    name: z.string().min(1).max(200).optional(),
    sortOrder: z.number().int().optional(),
    ...metadata,
  })
  .strict();

export function presentLayer(layer: LayerSummary) {
  return {
    ...layer,
    kindName: kindInfo(layer.kind)?.name ?? layer.kind,
    tiles:
      layer.version === null
        ? null
        : `/tiles/${layer.code}/{z}/{x}/{y}.${isRasterLayer(layer) ? 'png' : 'mvt'}`,
    imageTiles: layer.version === null ? null : `/tiles/${layer.code}/{z}/{x}/{y}.png`,
    imageTilesBelowZoom: layer.version === null ? null : imageTilesBelowZoom(layer),
  };
}

export async function requireLayerSummary(pool: Pool, code: string): Promise<LayerSummary> {
  const layer = await findLayer(pool, code);
  if (!layer) throw notFound(`图层不存在 / no layer with code "${code}"`, { parameter: 'code', value: code });
  return layer;
}

export function listLayersHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { kind } = parseInput(z.object({ kind: z.enum(KINDS).optional() }), req.query);
    const principal = principalOf(res);
    const layers = (await listLayers(pool)).filter(
      (l) => (!kind || l.kind === kind) && canReadLayer(principal, l),
    );
    res.json({ layers: layers.map(presentLayer) });
  };
}

export function getLayerHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    res.json(presentLayer(await requireLayerSummary(pool, String(req.params.code))));
  };
}

/** A district-scoped user may place a layer only in their own districts (not city-wide). */
function requireDistrictInScope(res: Response, districtCode: string | null): void {
  if (!inDistrictScope(principalOf(res), districtCode)) {
    throw forbidden(
      `图层的行政区“${districtCode ?? '全市'}”不在您的管辖区域内 / the district ${districtCode ?? '(city-wide)'} lies outside your districts`,
      { parameter: 'districtCode', value: districtCode },
    );
  }
}

export function createLayerHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const body = parseInput(newLayer, req.body);
    requireDistrictInScope(res, body.districtCode ?? null);
    if (!(await createLayer(pool, body))) {
      throw conflict(`图层编码“${body.code}”已被使用 / the code "${body.code}" is taken`, {
        parameter: 'code',
        value: body.code,
      });
    }
    res.status(201).json(presentLayer(await requireLayerSummary(pool, body.code)));
  };
}

export function updateLayerHandler(pool: Pool, geoserver: GeoServerSync): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.code);
    const body = parseInput(change, req.body);
    if (body.districtCode !== undefined) requireDistrictInScope(res, body.districtCode);
    if (!(await updateLayerMetadata(pool, code, body))) {
      throw notFound(`图层不存在 / no layer with code "${code}"`, { parameter: 'code', value: code });
    }
    const layer = await requireLayerSummary(pool, code);
    if (layer.version !== null) await geoserver.layerChanged(code);
    res.json(presentLayer(await requireLayerSummary(pool, code)));
  };
}

export function deleteLayerHandler(pool: Pool, geoserver: GeoServerSync): RequestHandler {
  return async (req, res) => {
    const code = String(req.params.code);
    if (!(await softDeleteLayer(pool, code)))
      throw notFound(`图层不存在 / no layer with code "${code}"`, { parameter: 'code', value: code });
    await geoserver.layerDeleted(code);
    res.status(204).end();
  };
}
