// Each of several server processes gets its share of what the settings bound for the whole platform.
import { readConfig, shareOf } from '../../spatial-api';

const config = readConfig({
  DATABASE_URL: 'postgres://h/db',
  DATABASE_POOL_SIZE: '10',
  TILE_CACHE_BYTES: '300',
  GDAL_MAX_PROCESSES: '3',
  RENDER_THREADS: '8',
  RATE_LIMIT_SERVICES_PER_MINUTE: '1200',
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '5',
  RATE_LIMIT_CHECKS_PER_MINUTE: '120',
});

describe('a server process share', () => {
  it('divides connections, cache, gdalwarp processes, render threads and rate limits among the processes', () => {
    const one = shareOf(config, 4);
    expect(one.databasePoolSize).toBe(3);
    expect(one.tileCacheBytes).toBe(75);
    expect(one.gdalMaxProcesses).toBe(1);
    expect(one.renderThreads).toBe(2);
    expect(one.hardening.rateLimits).toEqual({
      servicesPerMinute: 300,
      signInPerMinute: 2,
      checksPerMinute: 30,
    });
  });

  it('leaves each process at least two connections, one gdalwarp process and two render threads', () => {
    const one = shareOf({ ...config, databasePoolSize: 3, gdalMaxProcesses: 1, renderThreads: 2 }, 8);
    expect(one.databasePoolSize).toBe(2);
    expect(one.gdalMaxProcesses).toBe(1);
    expect(one.renderThreads).toBe(2);
    expect(shareOf({ ...config, renderThreads: 12 }, 2).renderThreads).toBe(6);
  });

  it('is the whole configuration for one process', () => {
    expect(shareOf(config, 1)).toBe(config);
  });
});
