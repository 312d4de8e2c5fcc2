// GetMap (WMS 1.3.0, 7.3): reads each requested layer's features or imagery window for the frame in
// parallel, has a render thread (render-workers/) draw them in LAYERS order with their styles, and answers
// the encoded image; within the WMS resource limits (resource-limits.ts), its work (the queries, gdalwarp,
// the thread's painting) stopped when the client goes or time runs out.
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { ChildProcessPool } from '../../child-process-pool';
import type { WmsLimits } from '../../config';
import { requestDeadline } from '../../request-deadline';
import type { Kvp } from '../kvp';
import type { OgcOperation } from '../ows-router';
import { leaveGate, serviceBusy } from '../request-gate';
import { LineFull, type EnterOptions } from '../../wait-line';
import { bboxTransformError, isGeographic, parseMapParams, type MapParams } from './get-map-params';
import { drawnVersions, type DrawnVersion } from './layer-versions';
import type { CanvasSpec, JobLayer } from '../../render-workers/messages';
import type { RenderJob, RenderPool } from '../../render-workers/render-pool';
import type { FeatureRowSink } from './render/feature-decoder';
import { streamFeatureRows, type MapFrame } from './render/feature-query';
import { generalisedSource, streamGeneralisedRows } from './render/generalised-features';
import type { VectorPlan } from './render/layer-plan';
import { scaleDenominator } from './render/map-scale';
import { rasterFile, readRasterWindow } from './render/raster-window';
import { needsPointsAt, rulesAtScale } from './render/style-painter';
import { compileStyle, type StyleSource } from './render/style-rules';
import { checkLayerCount, checkRenderingMemory, renderingStopped } from './resource-limits';
import { publishedWmsLayers, type WmsLayer } from './wms-layers';
import { requestCatalog } from '../../request-catalog';

export interface MapOptions {
  rasterDir: string;
  /** the gdalwarp children shared by every request */
  processes: ChildProcessPool;
  /** the threads maps are painted and encoded on */
  renders: RenderPool;
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

/**
 * Reads a vector layer's rows for the frame into the sink `open` gives for its plan (from its generalised
 * form where one serves the scale); false, and nothing read, when no rule of its style draws at this scale.
 */
export async function readVectorLayer(
  pool: Pool,
  options: DrawOptions,
  layer: WmsLayer,
  versionId: string,
  frame: MapFrame,
  scale: number,
  open: (plan: VectorPlan) => FeatureRowSink,
): Promise<boolean> {
  const { summary } = layer;
  const source: StyleSource = {
    style: summary.style,
    layerName: summary.name,
    geometryType: summary.geometryType,
    attributes: summary.attributeSchema.map((a) => a.name),
  };
  const style = compileStyle(source);
  // which rules draw at this scale, asked without building a painter (the render thread builds it)
  const rules = rulesAtScale(style, scale);
  if (rules.length === 0) return false;
  const generalised =
    options.generalised !== false && !needsPointsAt(rules)
      ? await generalisedSource(pool, versionId, frame, style.filterProperties)
      : undefined;
  const sink = open({ style: source, members: generalised !== undefined, frame, scale });
  const read = generalised
    ? streamGeneralisedRows(pool, versionId, generalised, frame, style.properties, sink, options.signal)
    : streamFeatureRows(
        pool,
        versionId,
        frame,
        { properties: style.properties, labelPoints: style.needsLabelPoints },
        sink,
        options.signal,
      );
  await read.catch((error: unknown) => {
    throw bboxTransformError(error);
  });
  return true;
}

/**
 * One layer of a map drawn on a render thread (`job`, as layer `index`): its rows streamed there as they
 * are read, or its imagery window read here and handed over with the map.
 */
export async function readLayerInto(
  job: RenderJob,
  index: number,
  pool: Pool,
  options: DrawOptions,
  layer: WmsLayer,
  version: DrawnVersion | undefined,
  frame: MapFrame,
  scale: number,
): Promise<JobLayer> {
  if (!version?.versionId) return { kind: 'empty' };
  if (layer.raster) {
    if (!version.filePath) return { kind: 'empty' };
    return {
      kind: 'raster',
      png: await readRasterWindow(rasterFile(options.rasterDir, version.filePath), frame, options),
    };
  }
  const read = await readVectorLayer(pool, options, layer, version.versionId, frame, scale, (plan) =>
    job.open(index, plan),
  );
  return read ? { kind: 'vector', layer: index } : { kind: 'empty' };
}

/**
 * A map drawn on a render thread, once it has its turn there (LineFull when the line is too long for it):
 * `read` reads its layers into the job, then the thread paints and encodes it. The signal, or any failure,
 * drops the job on its thread.
 */
export async function drawOnThread(
  renders: RenderPool,
  turn: EnterOptions,
  read: (job: RenderJob) => Promise<JobLayer[]>,
  canvas: CanvasSpec,
): Promise<Buffer> {
  const signal = turn.signal;
  const job = await renders.job({ ...turn, pixels: canvas.width * canvas.height });
  try {
    const layers = await read(job);
    signal?.throwIfAborted();
    return await job.render(layers, canvas);
  } finally {
    job.end();
  }
}

/** Reads the requested layers into the map's job, each imagery layer once however often LAYERS names it. */
function readLayers(
  job: RenderJob,
  pool: Pool,
  options: DrawOptions,
  params: MapParams,
  versions: Map<string, DrawnVersion>,
): Promise<JobLayer[]> {
  const frame = mapFrame(params);
  const scale = scaleDenominator(params.bbox, params.width, isGeographic(params.crs.epsg));
  const imagery = new Map<string, Promise<JobLayer>>();
  return Promise.all(
    params.layers.map((layer, index) => {
      const code = layer.summary.code;
      const read = () => readLayerInto(job, index, pool, options, layer, versions.get(code), frame, scale);
      if (!layer.raster) return read();
      const drawn = imagery.get(code) ?? read();
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
  res: Response,
): Promise<{ body: Buffer; mime: string }> {
  const catalog = await requestCatalog(pool);
  const params = parseMapParams(kvp, publishedWmsLayers(catalog));
  checkLayerCount(params.layers.length, options.limits);
  checkRenderingMemory(params, options.limits);
  const versions = await drawnVersions(
    pool,
    catalog,
    params.layers.map((l) => l.summary.code),
    params.time,
  );
  // the map's turn on the render threads bounds its reading and drawing from here: the next OGC request
  // need not wait for them
  leaveGate(res);
  const body = await drawOnThread(
    options.renders,
    { signal },
    (job) => readLayers(job, pool, { ...options, signal }, params, versions),
    { width: params.width, height: params.height, background: params.background, format: params.format },
  );
  return { body, mime: params.format.mime };
}

export function getMap(pool: Pool, options: MapOptions): OgcOperation {
  return async (_req, res, kvp) => {
    const deadline = requestDeadline(res, options.limits.maxRenderingMs);
    try {
      const image = await deadline.race(drawMap(pool, options, kvp, deadline.signal, res));
      res.status(200).type(image.mime).send(image.body);
    } catch (error) {
      throw error instanceof LineFull ? serviceBusy(res, error) : renderingStopped(error);
    } finally {
      deadline.end();
    }
  };
}
