// GetMap (WMS 1.3.0, 7.3): reads each requested layer's features or imagery window for the frame in
// parallel, draws them in LAYERS order with their styles, and answers the encoded image.
import type { Pool } from 'pg';
import { readCatalog } from '../../../layers';
import type { OgcOperation } from '../ows-router';
import { bboxTransformError, isGeographic, parseMapParams, type MapParams } from './get-map-params';
import { drawnVersions, type DrawnVersion } from './layer-versions';
import { renderMap, type DrawnLayer } from './render/canvas-renderer';
import { streamPixelFeatures, type MapFrame } from './render/feature-query';
import { scaleDenominator } from './render/map-scale';
import { rasterFile, readRasterWindow } from './render/raster-window';
import { LayerPainter } from './render/style-painter';
import { compileStyle } from './render/style-rules';
import { publishedWmsLayers, type WmsLayer } from './wms-layers';

export interface MapOptions {
  rasterDir: string;
}

export function mapFrame(params: Pick<MapParams, 'bbox' | 'srid' | 'width' | 'height'>): MapFrame {
  return { bbox: params.bbox, srid: params.srid, width: params.width, height: params.height };
}

export async function drawLayer(
  pool: Pool,
  options: MapOptions,
  layer: WmsLayer,
  version: DrawnVersion | undefined,
  frame: MapFrame,
  scale: number,
): Promise<DrawnLayer> {
  if (!version?.versionId) return { kind: 'empty' };
  if (layer.raster) {
    if (!version.filePath) return { kind: 'empty' };
    return {
      kind: 'raster',
      png: await readRasterWindow(rasterFile(options.rasterDir, version.filePath), frame),
    };
  }
  const { summary } = layer;
  const style = compileStyle({
    style: summary.style,
    layerName: summary.name,
    geometryType: summary.geometryType,
    attributes: summary.attributeSchema.map((a) => a.name),
  });
  const painter = new LayerPainter(style, scale, frame);
  if (!painter.active) return { kind: 'empty' };
  await streamPixelFeatures(
    pool,
    version.versionId,
    frame,
    { properties: style.properties, labelPoints: style.needsLabelPoints },
    (feature) => painter.add(feature),
  ).catch((error: unknown) => {
    throw bboxTransformError(error);
  });
  return { kind: 'vector', painter };
}

export function getMap(pool: Pool, options: MapOptions): OgcOperation {
  return async (_req, res, kvp) => {
    const catalog = await readCatalog(pool);
    const params = parseMapParams(kvp, publishedWmsLayers(catalog));
    const versions = await drawnVersions(
      pool,
      catalog,
      params.layers.map((l) => l.summary.code),
      params.time,
    );
    const frame = mapFrame(params);
    const scale = scaleDenominator(params.bbox, params.width, isGeographic(params.crs.epsg));
    const layers = await Promise.all(
      params.layers.map((layer) =>
        drawLayer(pool, options, layer, versions.get(layer.summary.code), frame, scale),
      ),
    );
    const image = await renderMap(layers, {
      width: params.width,
      height: params.height,
      background: params.background,
      format: params.format,
    });
    res.status(200).type(params.format.mime).send(image);
  };
}
