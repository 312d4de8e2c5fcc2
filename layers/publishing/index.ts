// Publishing layers to an external map server: the current-version views GeoServer reads, and the
// GeoServer publisher; for `layers/index.ts` to re-export.
export {
  currentVersionViewName,
  dropCurrentVersionView,
  ensureCurrentVersionView,
  PUBLISHED_SCHEMA,
} from './current-version-view';
export { GeoServerPublisher } from './geoserver-publisher';
export type { GeoServerDatabaseSettings, GeoServerPublisherConfig } from './geoserver-publisher';
export type { PublishableLayer } from './publishable-layer';
export { DEFAULT_TILE_LAYER } from './gwc-layer';
export type { TileLayerOptions } from './gwc-layer';
export {
  createGeoServerPublisher,
  geoServerDatabaseSettings,
  publishAllLayersToGeoServer,
  publishLayerToGeoServer,
  unpublishLayerFromGeoServer,
} from './publish-to-geoserver';
export { PublishingError } from './publishing-error';
