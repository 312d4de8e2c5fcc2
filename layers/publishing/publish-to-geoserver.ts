// What the server calls: a publisher built from its configuration, and publishing or unpublishing a layer
// as the catalog has it (its view first, then GeoServer). Call these after the import, rollback or delete
// has committed: GeoServer reads the view over its own connection.
import { findLayer, listLayers } from '../catalog/layer-catalog';
import type { Queryable } from '../catalog/queryable';
import { dropCurrentVersionView, ensureCurrentVersionView } from './current-version-view';
import {
  GeoServerPublisher,
  type GeoServerDatabaseSettings,
  type GeoServerPublisherConfig,
} from './geoserver-publisher';
import { checkLayerCode, VECTOR_GEOMETRY_TYPES } from './published-names';
import { PublishingError } from './publishing-error';

/**
 * The PostGIS settings GeoServer's store uses: those of DATABASE_URL, each replaceable (GeoServer often
 * runs on another host and reaches PostGIS under another name, or as a read-only user).
 */
export function geoServerDatabaseSettings(
  databaseUrl: string,
  overrides: Partial<Omit<GeoServerDatabaseSettings, 'schema'>> = {},
): GeoServerDatabaseSettings {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new PublishingError('invalid_geoserver_config', 'DATABASE_URL is not a postgres:// URL', {
      parameter: 'DATABASE_URL',
    });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new PublishingError('invalid_geoserver_config', 'DATABASE_URL is not a postgres:// URL', {
      parameter: 'DATABASE_URL',
    });
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return {
    host: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: url.port ? Number(url.port) : 5432,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    ...defined,
    schema: 'published',
  };
}

/** A publisher from the server's settings (GEOSERVER_URL, GEOSERVER_USER, GEOSERVER_PASSWORD). */
export function createGeoServerPublisher(
  geoserver: { url: string; user: string; password: string },
  databaseUrl: string,
  options: {
    database?: Partial<Omit<GeoServerDatabaseSettings, 'schema'>>;
    workspace?: string;
    datastore?: string;
  } = {},
): GeoServerPublisher {
  const config: GeoServerPublisherConfig = {
    ...geoserver,
    database: geoServerDatabaseSettings(databaseUrl, options.database),
    ...(options.workspace ? { workspace: options.workspace } : {}),
    ...(options.datastore ? { datastore: options.datastore } : {}),
  };
  return new GeoServerPublisher(config);
}

/**
 * Publishes the layer as the catalog has it now: (re)creates its view with the catalog's attributes, then
 * publishes it to GeoServer. Run after each import and rollback of the layer, and after a change of its
 * name, description, attribute schema or style.
 */
export async function publishLayerToGeoServer(
  db: Queryable,
  publisher: GeoServerPublisher,
  layerCode: string,
): Promise<void> {
  const code = checkLayerCode(layerCode);
  const layer = await findLayer(db, code);
  if (!layer) {
    throw new PublishingError('layer_not_found', `图层不存在 / no layer with code "${code}"`, {
      parameter: 'code',
      value: code,
    });
  }
  await ensureCurrentVersionView(db, code, layer.attributeSchema);
  await publisher.publish({
    code,
    name: layer.name,
    description: layer.description,
    attributeSchema: layer.attributeSchema,
    style: layer.style,
    geometryType: layer.geometryType,
    extent: layer.extent,
  });
}

/** Takes the layer off GeoServer, then drops its view. Run when the layer is deleted. */
export async function unpublishLayerFromGeoServer(
  db: Queryable,
  publisher: GeoServerPublisher,
  layerCode: string,
): Promise<void> {
  const code = checkLayerCode(layerCode);
  await publisher.unpublish(code);
  await dropCurrentVersionView(db, code);
}

const GEOSERVER_DOWN = new Set(['geoserver_unreachable', 'geoserver_unauthorized', 'geoserver_not_found']);

/**
 * Publishes every vector layer of the catalog, one after another (imagery is not published to GeoServer
 * yet), for a city that starts using GeoServer or has restored it. A layer that fails does not stop the
 * others: its error is returned with its code. An unreachable GeoServer or refused credentials stop it.
 */
export async function publishAllLayersToGeoServer(
  db: Queryable,
  publisher: GeoServerPublisher,
): Promise<{ published: string[]; failed: { code: string; error: Error }[] }> {
  const published: string[] = [];
  const failed: { code: string; error: Error }[] = [];
  for (const layer of await listLayers(db)) {
    if (!(VECTOR_GEOMETRY_TYPES as readonly string[]).includes(layer.geometryType)) continue;
    try {
      await publishLayerToGeoServer(db, publisher, layer.code);
      published.push(layer.code);
    } catch (error) {
      // no use trying the next layer when GeoServer itself cannot be reached or refuses us
      if (error instanceof PublishingError && GEOSERVER_DOWN.has(error.code)) throw error;
      failed.push({ code: layer.code, error: error as Error });
    }
  }
  return { published, failed };
}
