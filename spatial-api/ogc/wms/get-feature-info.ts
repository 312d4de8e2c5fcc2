// GetFeatureInfo (WMS 1.3.0, 7.4): the features of QUERY_LAYERS within a few pixels of pixel (I, J) of
// the map the other parameters describe, as GeoJSON, an HTML table or GML 3.2.
import type { Pool } from 'pg';
import type { WmsLimits } from '../../config';
import type { Kvp } from '../kvp';
import { OgcException } from '../ogc-exception';
import type { OgcOperation } from '../ows-router';
import { featuresNear } from './feature-info-query';
import { infoGml, infoHtml, infoJson, type LayerHits } from './feature-info-output';
import { infoFormat } from './formats';
import { bboxTransformError, parseMapParams, type MapParams } from './get-map-params';
import { drawnVersions } from './layer-versions';
import { checkLayerCount } from './resource-limits';
import { publishedWmsLayers, resolveWmsLayer } from './wms-layers';
import { requestCatalog } from '../../request-catalog';

/** How far from the clicked pixel a feature still counts as hit. */
const SEARCH_RADIUS_PX = 3;
const MAX_FEATURE_COUNT = 1000;

function pixel(kvp: Kvp, name: 'I' | 'J', size: number): number {
  const raw = kvp.require(name);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value >= size) {
    throw new OgcException(
      'InvalidPoint',
      name,
      `${name}应为0到${size - 1}的整数像素坐标，而不是“${raw}” / ${name} must be a pixel from 0 to ${size - 1}`,
    );
  }
  return value;
}

/** The map coordinates of a pixel's centre, and a radius of a few pixels in map units. */
function probePoint(params: MapParams, i: number, j: number): { x: number; y: number; radius: number } {
  const [minX, minY, maxX, maxY] = params.bbox;
  const resX = (maxX - minX) / params.width;
  const resY = (maxY - minY) / params.height;
  return {
    x: minX + (i + 0.5) * resX,
    y: maxY - (j + 0.5) * resY,
    radius: SEARCH_RADIUS_PX * Math.max(resX, resY),
  };
}

export function getFeatureInfo(pool: Pool, limits: WmsLimits): OgcOperation {
  return async (_req, res, kvp) => {
    const catalog = await requestCatalog(pool);
    const layers = publishedWmsLayers(catalog);
    const params = parseMapParams(kvp, layers);
    checkLayerCount(params.layers.length, limits);
    const names = kvp.list('QUERY_LAYERS');
    if (names.length === 0) kvp.require('QUERY_LAYERS');
    if (names.length > limits.maxLayers) {
      throw new OgcException(
        'InvalidParameterValue',
        'QUERY_LAYERS',
        `QUERY_LAYERS最多${limits.maxLayers}个图层 / QUERY_LAYERS names at most ${limits.maxLayers} layers (WMS_MAX_LAYERS)`,
      );
    }
    const queried = names.map((name) => resolveWmsLayer(layers, name, 'QUERY_LAYERS'));
    const notQueryable = queried.find((l) => l.raster);
    if (notQueryable) {
      throw new OgcException(
        'LayerNotQueryable',
        'QUERY_LAYERS',
        `影像图层${notQueryable.name}不可查询 / layer ${notQueryable.name} is not queryable`,
      );
    }
    const format = infoFormat(kvp.get('INFO_FORMAT'));
    const limit = kvp.integer('FEATURE_COUNT', 1, 1, MAX_FEATURE_COUNT)!;
    const point = probePoint(params, pixel(kvp, 'I', params.width), pixel(kvp, 'J', params.height));
    const versions = await drawnVersions(
      pool,
      catalog,
      queried.map((l) => l.summary.code),
      params.time,
    );
    const hits: LayerHits[] = await Promise.all(
      queried.map(async (layer) => {
        const versionId = versions.get(layer.summary.code)?.versionId;
        if (!versionId) return { layer, features: [] };
        const features = await featuresNear(pool, versionId, {
          ...point,
          srid: params.srid,
          limit,
          geometry: format.format === 'html' ? 'none' : format.format,
        }).catch((error: unknown) => {
          throw bboxTransformError(error);
        });
        return { layer, features };
      }),
    );
    const body =
      format.format === 'json' ? infoJson(hits) : format.format === 'html' ? infoHtml(hits) : infoGml(hits);
    res
      .status(200)
      .type(`${format.mime}${format.format === 'gml' ? '' : '; charset=utf-8'}`)
      .send(body);
  };
}
