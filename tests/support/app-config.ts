// The app configuration for tests: the built client, and upload and raster folders of the test run.
import path from 'node:path';
import type { AppConfig } from '../../spatial-api';
import { ROOT } from './environment';

export function testAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data');
  return {
    clientDir: path.join(ROOT, 'map-client', 'dist'),
    uploadDir: path.join(dataDir, 'test-uploads'),
    rasterDir: path.join(dataDir, 'test-rasters'),
    importMaxBytes: 256 * 1024 * 1024,
    tileCacheBytes: 16 * 1024 * 1024,
    ...overrides,
  };
}
