// GetMap (WMS 1.3.0, 7.3): reads each requested layer's features or imagery window for the frame in
// parallel, draws them in LAYERS order with their styles, and answers the encoded image; within the
// WMS resource limits (resource-limits.ts), its work stopped when the client goes or time runs out.
import type { Pool } from 'pg';
import { readCatalog } from '../../../layers';
import type { ChildProcessPool } from '../../child-process-pool';
import type { WmsLimits } from '../../config';
import { requestDeadline } from '../../request-deadline';
import type { Kvp } from '../kvp';
import type { OgcOperation } from '../ows-router';
import { bboxTransformError, isGeographic, parseMapParams, type MapParams } from './get-map-params';
import { drawnVersions, type DrawnVersion } from './layer-versions';
import { renderMap, type DrawnLayer } from './render/canvas-renderer';
import { streamPixelFeatures, type MapFrame, type PixelFeature } from './render/feature-query';
import { generalisedSource, streamGeneralisedFeatures } from './render/generalised-features';
import { scaleDenominator } from './render/map-scale';
import { rasterFile, readRasterWindow } from './render/raster-window';
import { LayerPainter } from './render/style-painter';
import { compileStyle } from './render/style-rules';
import { checkLayerCount, checkRenderingMemory, renderingStopped } from './resource-limits';
import { publishedWmsLayers, type WmsLayer } from './wms-layers';

export interface MapOptions {
  rasterDir: string;
  /** the gdalwarp children shared by every request */
  processes: ChildProcessPool;
  limits: WmsLimits;
}

/** What drawing one layer needs besides the database: imagery, its processes, the request's signal. */
export interface DrawOptions {
  rasterDir: string;
  processes: ChildProcessPool;
  /** fires when the request is aborted or passes its rendering deadline */
  signal?: AbortSignal;
  /** false to read every feature even where a generalisation would serve (comparisons) */
  generalised?: boolean;
}

export function mapFrame(params: Pick<MapParams, 'bbox' | 'srid' | 'width' | 'height'>): MapFrame {
  return { bbox: params.bbox, srid: params.srid, width: params.width, height: params.height };
}

export async function drawLayer(
  pool: Pool,
  options: DrawOptions,
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
      png: await readRasterWindow(rasterFile(options.rasterDir, version.filePath), frame, options),
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
  const onFeature = (feature: PixelFeature) => painter.add(feature);
  const generalised =
    options.generalised !== false && !painter.needsPoints
      ? await generalisedSource(pool, version.versionId, frame, style.filterProperties)
      : undefined;
  const read = generalised
    ? streamGeneralisedFeatures(
        pool,
        version.versionId,
        generalised,
        frame,
        style.properties,
        onFeature,
        options.signal,
      )
    : streamPixelFeatures(
        pool,
        version.versionId,
        frame,
        { properties: style.properties, labelPoints: style.needsLabelPoints },
        onFeature,
        options.signal,
      );
  await read.catch((error: unknown) => {
    throw bboxTransformError(error);
  });
  return { kind: 'vector', painter };
}

/** Draws the requested layers, each imagery layer once however often LAYERS names it. */
function drawLayers(
  pool: Pool,
  options: DrawOptions,
  params: MapParams,
  versions: Map<string, DrawnVersion>,
): Promise<DrawnLayer[]> {
  const frame = mapFrame(params);
  const scale = scaleDenominator(params.bbox, params.width, isGeographic(params.crs.epsg));
  const imagery = new Map<string, Promise<DrawnLayer>>();
  return Promise.all(
    params.layers.map((layer) => {
      const code = layer.summary.code;
      const draw = () => drawLayer(pool, options, layer, versions.get(code), frame, scale);
      if (!layer.raster) return draw();
      const drawn = imagery.get(code) ?? draw();
      imagery.set(code, drawn);
      return drawn;
    }),
  );
}

/** The map a GetMap asks for, encoded; refused beyond the resource limits before any work starts. */
async function drawMap(
  pool: Pool,
  options: MapOptions,
  kvp: Kvp,
  signal: AbortSignal,
): Promise<{ body: Buffer; mime: string }> {
  const catalog = await readCatalog(pool);
  const params = parseMapParams(kvp, publishedWmsLayers(catalog));
  checkLayerCount(params.layers.length, options.limits);
  checkRenderingMemory(params, options.limits);
  const versions = await drawnVersions(
    pool,
    catalog,
    params.layers.map((l) => l.summary.code),
    params.time,
  );
  const layers = await drawLayers(pool, { ...options, signal }, params, versions);
  signal.throwIfAborted();
  const body = await renderMap(layers, {
    width: params.width,
    height: params.height,
    background: params.background,
    format: params.format,
  });
  return { body, mime: params.format.mime };
}

export function getMap(pool: Pool, options: MapOptions): OgcOperation {
  return async (_req, res, kvp) => {
    const deadline = requestDeadline(res, options.limits.maxRenderingMs);
    try {
      const image = await deadline.race(drawMap(pool, options, kvp, deadline.signal));
      res.status(200).type(image.mime).send(image.body);
    } catch (error) {
      throw renderingStopped(error);
    } finally {
      deadline.end();
    }
  };
}
