// WMS resource limits, as GeoServer's (maxRequestMemory, maxRenderingTime, and a cap on LAYERS): a map
// beyond them is refused before any work starts, with an exception naming the parameter to change; a
// map still being drawn at the time limit is answered with an exception and its work stopped.
import type { WmsLimits } from '../../config';
import { RenderThreadFailed } from '../../render-workers/render-pool';
import { DeadlineExceeded } from '../../request-deadline';
import { OgcException } from '../ogc-exception';
import type { MapParams } from './get-map-params';

const MIB = 1024 ** 2;
const BYTES_PER_PIXEL = 4;

export function checkLayerCount(count: number, limits: WmsLimits): void {
  if (count <= limits.maxLayers) return;
  throw new OgcException(
    'InvalidParameterValue',
    'LAYERS',
    `LAYERS列出了${count}个图层，每次请求最多${limits.maxLayers}个 / LAYERS names ${count} layers: at most ${limits.maxLayers} per request (WMS_MAX_LAYERS)`,
  );
}

/**
 * The memory a map takes to draw, estimated as GeoServer does: WIDTH × HEIGHT × 4 bytes for the map's
 * canvas (vector layers paint onto it) and the same again for each distinct imagery window decoded.
 */
export function renderingMemoryBytes(params: Pick<MapParams, 'width' | 'height' | 'layers'>): number {
  const imagery = new Set(params.layers.filter((l) => l.raster).map((l) => l.summary.code));
  return params.width * params.height * BYTES_PER_PIXEL * (1 + imagery.size);
}

export function checkRenderingMemory(
  params: Pick<MapParams, 'width' | 'height' | 'layers'>,
  limits: WmsLimits,
): void {
  const bytes = renderingMemoryBytes(params);
  if (bytes <= limits.maxRequestMemoryBytes) return;
  const need = (bytes / MIB).toFixed(1);
  const limit = (limits.maxRequestMemoryBytes / MIB).toFixed(1);
  throw new OgcException(
    'InvalidParameterValue',
    params.width >= params.height ? 'WIDTH' : 'HEIGHT',
    `绘制此图约需${need} MiB内存，超过上限${limit} MiB，请减小WIDTH、HEIGHT或影像图层数 / drawing this map would take about ${need} MiB (WIDTH × HEIGHT × 4 bytes per canvas and imagery window), over the limit of ${limit} MiB (WMS_MAX_REQUEST_MEMORY): ask for a smaller WIDTH and HEIGHT or fewer imagery layers`,
  );
}

/**
 * The rendering deadline's reason, or the render thread's failure, as the exception to answer; other
 * errors pass unchanged.
 */
export function renderingStopped(error: unknown): unknown {
  if (error instanceof RenderThreadFailed) {
    return new OgcException(
      'NoApplicableCode',
      '',
      `绘制地图失败，请重试 / drawing the map failed (${error.message}): ask again`,
      500,
    );
  }
  if (!(error instanceof DeadlineExceeded)) return error;
  const seconds = error.limitMs / 1000;
  return new OgcException(
    'NoApplicableCode',
    '',
    `绘制超过${seconds}秒上限，已停止，请减小范围、尺寸或图层数 / the map took longer than the limit of ${seconds} s (WMS_MAX_RENDERING_MS) to draw and was stopped: ask for a smaller map or fewer layers`,
    503,
  );
}
