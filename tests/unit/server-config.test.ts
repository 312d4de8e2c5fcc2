// The server's settings: WMS resource limits, the gdalwarp bound and TRUST_PROXY, with their defaults.
import os from 'node:os';
import { ConfigError, readConfig } from '../../spatial-api';

const read = (env: Record<string, string> = {}) => readConfig({ DATABASE_URL: 'postgres://h/db', ...env });

describe('server configuration', () => {
  it('defaults to 10 layers, 128 MiB and 60 s per map, one gdalwarp per core, no trusted proxy', () => {
    const config = read();
    expect(config.wmsLimits).toEqual({
      maxLayers: 10,
      maxRequestMemoryBytes: 128 * 1024 ** 2,
      maxRenderingMs: 60_000,
    });
    expect(config.gdalMaxProcesses).toBe(os.availableParallelism());
    expect(config.trustProxy).toBe(false);
  });

  it('reads the WMS limits and GDAL_MAX_PROCESSES', () => {
    const config = read({
      WMS_MAX_LAYERS: '4',
      WMS_MAX_REQUEST_MEMORY: '1048576',
      WMS_MAX_RENDERING_MS: '5000',
      GDAL_MAX_PROCESSES: '3',
    });
    expect(config.wmsLimits).toEqual({ maxLayers: 4, maxRequestMemoryBytes: 1048576, maxRenderingMs: 5000 });
    expect(config.gdalMaxProcesses).toBe(3);
    expect(() => read({ GDAL_MAX_PROCESSES: '0' })).toThrow(ConfigError);
    expect(() => read({ WMS_MAX_LAYERS: 'many' })).toThrow(ConfigError);
  });

  it('has one render thread per core with a 2 GiB heap each unless RENDER_THREADS and RENDER_THREAD_HEAP_MB say otherwise', () => {
    expect(read().renderThreads).toBe(os.availableParallelism());
    expect(read().renderThreadHeapMb).toBe(2048);
    const config = read({ RENDER_THREADS: '3', RENDER_THREAD_HEAP_MB: '512' });
    expect(config.renderThreads).toBe(3);
    expect(config.renderThreadHeapMb).toBe(512);
    expect(() => read({ RENDER_THREADS: '0' })).toThrow(ConfigError);
    expect(() => read({ RENDER_THREAD_HEAP_MB: '16' })).toThrow(ConfigError);
  });

  it('flags approvals with at most 2 working days left unless APPROVAL_NEAR_LIMIT_WORKING_DAYS says otherwise', () => {
    expect(read().approvalNearLimitWorkingDays).toBe(2);
    expect(read({ APPROVAL_NEAR_LIMIT_WORKING_DAYS: '5' }).approvalNearLimitWorkingDays).toBe(5);
    expect(() => read({ APPROVAL_NEAR_LIMIT_WORKING_DAYS: '-1' })).toThrow(ConfigError);
  });

  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.5', ['10.0.0.0/8', '192.168.1.5']],
  ])('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(read({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });
});
