// The app configuration for tests: the built client, and upload and raster folders of the test run;
// the WMS limits, gdalwarp bound and proxy trust at the server's defaults.
import path from 'node:path';
import { readConfig, type AppConfig } from '../../spatial-api';
import { ROOT } from './environment';

export function testAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data');
  const defaults = readConfig({ DATABASE_URL: 'postgres://defaults-only' });
  return {
    wmsLimits: defaults.wmsLimits,
    gdalMaxProcesses: defaults.gdalMaxProcesses,
    trustProxy: defaults.trustProxy,
    clientDir: path.join(ROOT, 'map-client', 'dist'),
    uploadDir: path.join(dataDir, 'test-uploads'),
    rasterDir: path.join(dataDir, 'test-rasters'),
    importMaxBytes: 256 * 1024 * 1024,
    tileCacheBytes: 16 * 1024 * 1024,
    ...overrides,
  };
}
