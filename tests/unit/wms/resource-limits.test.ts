// WMS resource limits: LAYERS beyond WMS_MAX_LAYERS and maps whose estimated rendering memory (WIDTH ×
// HEIGHT × 4 bytes for the canvas and each distinct imagery window) passes WMS_MAX_REQUEST_MEMORY are
// refused naming the parameter; a passed deadline becomes an exception answered 503.
import type { LayerSummary } from '../../../layers';
import type { WmsLimits } from '../../../spatial-api';
import { OgcException } from '../../../spatial-api/ogc/ogc-exception';
import {
  checkLayerCount,
  checkRenderingMemory,
  renderingMemoryBytes,
  renderingStopped,
} from '../../../spatial-api/ogc/wms/resource-limits';
import type { WmsLayer } from '../../../spatial-api/ogc/wms/wms-layers';
import { DeadlineExceeded } from '../../../spatial-api/request-deadline';

const layer = (code: string, raster = false): WmsLayer => ({
  name: `ob:${code}`,
  raster,
  summary: { code, name: code } as LayerSummary,
});
const plan = layer('land_use_plan');
const imagery = layer('imagery_2024', true);
const older = layer('imagery_2020', true);
const MIB = 1024 ** 2;
const limits: WmsLimits = { maxLayers: 10, maxRequestMemoryBytes: 128 * MIB, maxRenderingMs: 60_000 };

function fault(run: () => void): { code: string; locator: string; status: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof OgcException)
      return { code: error.code, locator: error.locator, status: error.status };
    throw error;
  }
  throw new Error('no exception');
}

describe('WMS resource limits', () => {
  it('allows WMS_MAX_LAYERS layers and refuses one more, naming LAYERS', () => {
    expect(() => checkLayerCount(10, limits)).not.toThrow();
    expect(fault(() => checkLayerCount(11, limits))).toEqual({
      code: 'InvalidParameterValue',
      locator: 'LAYERS',
      status: 400,
    });
  });

  it('counts the canvas and each distinct imagery window, not vector layers or repeats', () => {
    const size = { width: 1000, height: 500 };
    expect(renderingMemoryBytes({ ...size, layers: [plan, plan, plan] })).toBe(1000 * 500 * 4);
    expect(renderingMemoryBytes({ ...size, layers: [plan, imagery, imagery, imagery] })).toBe(
      1000 * 500 * 4 * 2,
    );
    expect(renderingMemoryBytes({ ...size, layers: [imagery, older] })).toBe(1000 * 500 * 4 * 3);
  });

  it('draws one imagery layer at 4096×4096 within the default 128 MiB, and refuses a second one', () => {
    expect(() =>
      checkRenderingMemory({ width: 4096, height: 4096, layers: [plan, imagery] }, limits),
    ).not.toThrow();
    expect(
      fault(() => checkRenderingMemory({ width: 4096, height: 4096, layers: [imagery, older] }, limits)),
    ).toEqual({
      code: 'InvalidParameterValue',
      locator: 'WIDTH',
      status: 400,
    });
    expect(
      fault(() => checkRenderingMemory({ width: 3000, height: 4096, layers: [imagery, older] }, limits))
        .locator,
    ).toBe('HEIGHT');
  });

  it('turns a passed rendering deadline into an exception answered 503, other errors unchanged', () => {
    const stopped = renderingStopped(new DeadlineExceeded(60_000));
    expect(stopped).toBeInstanceOf(OgcException);
    expect(stopped).toMatchObject({ code: 'NoApplicableCode', status: 503 });
    expect((stopped as Error).message).toContain('60 s (WMS_MAX_RENDERING_MS)');
    const other = new Error('x');
    expect(renderingStopped(other)).toBe(other);
  });
});
