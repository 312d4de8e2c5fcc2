// Keeps a city's GeoServer in step with the catalog when GEOSERVER_URL is set: a layer is (re)published
// after an import, a rollback or a metadata change, and unpublished when deleted. PostGIS stays the
// source of truth: a GeoServer failure is logged and never fails the request (publishing again is safe).
import type { Pool } from 'pg';
import {
  createGeoServerPublisher,
  publishLayerToGeoServer,
  unpublishLayerFromGeoServer,
  type GeoServerPublisher,
} from '../layers';
import type { Config } from './config';

export class GeoServerSync {
  private readonly publisher: GeoServerPublisher | undefined;

  constructor(
    private readonly pool: Pool,
    config: Pick<Config, 'geoserver' | 'databaseUrl'>,
  ) {
    this.publisher = config.geoserver
      ? createGeoServerPublisher(config.geoserver, config.databaseUrl)
      : undefined;
  }

  get enabled(): boolean {
    return this.publisher !== undefined;
  }

  async layerChanged(code: string): Promise<void> {
    if (!this.publisher) return;
    await publishLayerToGeoServer(this.pool, this.publisher, code).catch((error: unknown) =>
      console.error(
        `GeoServer: publishing ${code} failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  async layerDeleted(code: string): Promise<void> {
    if (!this.publisher) return;
    await unpublishLayerFromGeoServer(this.pool, this.publisher, code).catch((error: unknown) =>
      console.error(
        `GeoServer: unpublishing ${code} failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}
