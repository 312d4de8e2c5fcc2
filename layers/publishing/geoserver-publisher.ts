// Publishes a layer to GeoServer through geoserver-node-client: a workspace, one PostGIS store on the
// `published` schema, a feature type over the layer's view (published.<code>, which always shows the
// current version), the layer's style as SLD set as its default style, and a GeoWebCache tile layer.
// Every step reads first and then creates or updates, so publishing twice leaves the same state.
import type { GeoServerRestClient } from 'geoserver-node-client';
import { styleToSld } from '../styles/sld';
import { GeoServerRest } from './geoserver-rest';
import { DEFAULT_TILE_LAYER, tileLayerXml, truncateLayerXml, type TileLayerOptions } from './gwc-layer';
import { boundingBox, styleOf, type Box, type PublishableLayer } from './publishable-layer';
import { checkAttributes, checkGeometryType, checkLayerCode } from './published-names';
import { PublishingError } from './publishing-error';

export interface GeoServerDatabaseSettings {
  /** as GeoServer reaches PostGIS, which may differ from how this server does */
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  schema: 'published';
}

export interface GeoServerPublisherConfig {
  /** GeoServer's base URL, e.g. http://geoserver:8080/geoserver */
  url: string;
  user: string;
  password: string;
  /** default one_blueprint */
  workspace?: string;
  /** the PostGIS store's name; default published */
  datastore?: string;
  database: GeoServerDatabaseSettings;
  tileLayer?: Partial<TileLayerOptions>;
}

const SRS = 'EPSG:4490';
const GEOSERVER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const SLD_CONTENT_TYPE = 'application/vnd.ogc.sld+xml';

export class GeoServerPublisher {
  readonly workspace: string;
  readonly datastore: string;
  private readonly rest: GeoServerRest;
  private readonly tileLayer: TileLayerOptions;
  private client: GeoServerRestClient | undefined;
  /** publishes of one publisher run one after another: GeoServer's catalog has no transactions */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: GeoServerPublisherConfig) {
    let url: URL;
    try {
      url = new URL(config.url);
    } catch {
      throw new PublishingError(
        'invalid_geoserver_config',
        `GEOSERVER_URL不是有效的URL / GEOSERVER_URL is not a URL: ${JSON.stringify(config.url)} (e.g. http://geoserver:8080/geoserver)`,
        { parameter: 'url' },
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new PublishingError(
        'invalid_geoserver_config',
        `GEOSERVER_URL必须是http(s)地址 / GEOSERVER_URL must be an http(s) URL, not ${url.protocol}`,
        { parameter: 'url' },
      );
    }
    this.workspace = config.workspace ?? 'one_blueprint';
    this.datastore = config.datastore ?? 'published';
    for (const [parameter, value] of [
      ['workspace', this.workspace],
      ['datastore', this.datastore],
    ] as const) {
      if (!GEOSERVER_NAME.test(value)) {
        throw new PublishingError(
          'invalid_geoserver_config',
          `GeoServer ${parameter}名称无效 / not a GeoServer ${parameter} name: ${JSON.stringify(value)} (letters, digits, _ and -)`,
          { parameter },
        );
      }
    }
    this.rest = new GeoServerRest(config.url.replace(/\/+$/, ''), config.user, config.password);
    this.tileLayer = { ...DEFAULT_TILE_LAYER, ...config.tileLayer };
  }

  /** Publishes the layer, or brings an earlier publication up to date (title, extent, style). */
  publish(layer: PublishableLayer): Promise<void> {
    return this.serialized(() => this.publishNow(layer));
  }

  /** Removes the layer's cached tiles, layer, feature type and style; the workspace and store stay. */
  unpublish(code: string): Promise<void> {
    return this.serialized(() => this.unpublishNow(code));
  }

  private serialized<T>(action: () => Promise<T>): Promise<T> {
    const run = this.queue.then(action, action);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async publishNow(layer: PublishableLayer): Promise<void> {
    const code = checkLayerCode(layer.code);
    const geometryType = checkGeometryType(code, layer.geometryType);
    checkAttributes(code, layer.attributeSchema);
    const box = boundingBox(code, layer.extent);
    // converted before GeoServer is touched: a style that cannot be written publishes nothing
    const sld = await styleToSld(styleOf(layer, geometryType));

    const client = await this.connect();
    const namespaceUri = await this.ensureWorkspace(client);
    await this.ensureDatastore(client, namespaceUri);
    await this.ensureStyle(client, code, sld);
    const republished = await this.ensureFeatureType(client, layer, box);
    await this.rest.expectOk(
      `setting the default style of layer ${this.workspace}:${code}`,
      'PUT',
      this.rest.rest(`layers/${this.workspace}:${code}.json`),
      {
        contentType: 'application/json',
        text: JSON.stringify({ layer: { defaultStyle: { name: code, workspace: this.workspace } } }),
      },
    );
    await this.ensureTileLayer(code);
    // tiles cached from the previous version or style are stale now
    if (republished) {
      await this.rest.expectOk(
        `truncating the cached tiles of ${this.workspace}:${code}`,
        'POST',
        this.rest.gwc('masstruncate'),
        { contentType: 'text/xml', text: truncateLayerXml(`${this.workspace}:${code}`) },
      );
    }
  }

  private async unpublishNow(layerCode: string): Promise<void> {
    const code = checkLayerCode(layerCode);
    const client = await this.connect();
    const ws = this.workspace;

    const tileLayerUrl = this.rest.gwc(`layers/${ws}:${code}.xml`);
    const tileLayer = await this.rest.send('GET', tileLayerUrl);
    if (tileLayer.status === 200) {
      await this.rest.expectOk(`deleting the cached tile layer ${ws}:${code}`, 'DELETE', tileLayerUrl);
    } else if (tileLayer.status !== 404) {
      throw this.failed(`reading the cached tile layer ${ws}:${code}`, tileLayer.status, tileLayer.text);
    }
    const featureType = await this.step(`reading feature type ${ws}:${code}`, () =>
      client.layers.getFeatureType(ws, this.datastore, code),
    );
    if (featureType) {
      // recurse: the layer goes with its feature type
      await this.step(`deleting feature type ${ws}:${code}`, () =>
        client.layers.deleteFeatureType(ws, this.datastore, code, true),
      );
    }
    const style = await this.step(`reading style ${ws}:${code}`, () =>
      client.styles.getStyleInformation(ws, code),
    );
    if (style) {
      await this.step(`deleting style ${ws}:${code}`, () => client.styles.delete(ws, code, true, true));
    }
  }

  /** Checks address and credentials with one request whose status tells them apart, then the client. */
  private async connect(): Promise<GeoServerRestClient> {
    const version = await this.rest.send('GET', this.rest.rest('about/version.json'));
    if (version.status === 404) {
      throw new PublishingError(
        'geoserver_not_found',
        `GEOSERVER_URL下没有GeoServer REST接口 / there is no GeoServer REST API at ${this.rest.rest('')}: GEOSERVER_URL must be GeoServer's base URL, e.g. http://geoserver:8080/geoserver`,
        { url: this.rest.baseUrl },
      );
    }
    if (version.status !== 200) throw this.failed('reading its version', version.status, version.text);
    if (!this.client) {
      // an ES module (through node-fetch): loaded on first use, so importing `layers` never needs it
      const { GeoServerRestClient } = await import('geoserver-node-client');
      this.client = new GeoServerRestClient(this.rest.rest(''), this.config.user, this.config.password);
    }
    return this.client;
  }

  /** Ensures the workspace; returns the URI of its namespace, which the store's features carry. */
  private async ensureWorkspace(client: GeoServerRestClient): Promise<string> {
    const ws = this.workspace;
    await this.createUnlessExists(
      `workspace ${ws}`,
      () => client.workspaces.get(ws),
      () => client.workspaces.create(ws),
    );
    const namespace = await this.step(`reading namespace ${ws}`, () => client.namespaces.get(ws));
    if (!namespace?.namespace?.uri) {
      throw new PublishingError(
        'geoserver_request_failed',
        `GeoServer工作区“${ws}”没有命名空间 / GeoServer workspace ${ws} has no namespace`,
        { step: `reading namespace ${ws}` },
      );
    }
    return namespace.namespace.uri;
  }

  /** The PostGIS store's connection parameters, as geoserver-node-client's createPostgisStore sends them. */
  private connectionEntries(namespaceUri: string): { '@key': string; $: string }[] {
    const db = this.config.database;
    return [
      { '@key': 'dbtype', $: 'postgis' },
      { '@key': 'schema', $: db.schema },
      { '@key': 'database', $: db.database },
      { '@key': 'host', $: db.host },
      { '@key': 'port', $: String(db.port) },
      { '@key': 'passwd', $: db.password },
      { '@key': 'namespace', $: namespaceUri },
      { '@key': 'user', $: db.user },
      { '@key': 'Expose primary keys', $: 'false' },
    ];
  }

  private async ensureDatastore(client: GeoServerRestClient, namespaceUri: string): Promise<void> {
    const { workspace: ws, datastore: ds } = this;
    const db = this.config.database;
    const created = await this.createUnlessExists(
      `PostGIS store ${ws}:${ds}`,
      () => client.datastores.getDataStore(ws, ds),
      () =>
        client.datastores.createPostgisStore(
          ws,
          namespaceUri,
          ds,
          db.host,
          db.port,
          db.user,
          db.password,
          db.schema,
          db.database,
        ),
    );
    if (created.created) return;
    // An existing store is updated only when its settings differ: GeoServer reconnects a store it
    // saves, which would interrupt every layer on it. Passwords come back encrypted (crypt1:…) and
    // cannot be compared; a changed password alone is applied by deleting the store in GeoServer.
    const wanted = this.connectionEntries(namespaceUri);
    const current = new Map(
      (created.existing?.dataStore?.connectionParameters?.entry ?? []).map((e) => [e['@key'], String(e.$)]),
    );
    const differs = wanted.some(
      (e) =>
        e['@key'] !== 'Expose primary keys' &&
        !(e['@key'] === 'passwd' && (current.get('passwd') ?? '').startsWith('crypt')) &&
        current.get(e['@key']) !== e.$,
    );
    if (!differs) return;
    await this.rest.expectOk(
      `updating PostGIS store ${ws}:${ds}`,
      'PUT',
      this.rest.rest(`workspaces/${ws}/datastores/${ds}.json`),
      {
        contentType: 'application/json',
        text: JSON.stringify({
          dataStore: {
            name: ds,
            type: 'PostGIS',
            enabled: true,
            workspace: { name: ws },
            connectionParameters: { entry: wanted },
          },
        }),
      },
    );
  }

  private async ensureStyle(client: GeoServerRestClient, code: string, sld: string): Promise<void> {
    const ws = this.workspace;
    const created = await this.createUnlessExists(
      `style ${ws}:${code}`,
      () => client.styles.getStyleInformation(ws, code),
      () => client.styles.publish(ws, code, sld),
    );
    if (created.created) return;
    // GeoServer REST "styles": PUT /workspaces/{ws}/styles/{style} with the SLD body replaces it
    await this.rest.expectOk(
      `updating style ${ws}:${code}`,
      'PUT',
      this.rest.rest(`workspaces/${ws}/styles/${code}`),
      { contentType: SLD_CONTENT_TYPE, text: sld },
    );
  }

  /** Creates or updates the feature type over the view; returns whether it existed before. */
  private async ensureFeatureType(
    client: GeoServerRestClient,
    layer: PublishableLayer,
    box: Box,
  ): Promise<boolean> {
    const { workspace: ws, datastore: ds } = this;
    const code = layer.code;
    let featureType = await this.step(`reading feature type ${ws}:${code}`, () =>
      client.layers.getFeatureType(ws, ds, code),
    );
    if (featureType) {
      const gsLayer = await this.step(`reading layer ${ws}:${code}`, () => client.layers.get(ws, code));
      if (!gsLayer) {
        // a feature type whose layer was deleted by hand: start it over
        await this.step(`deleting feature type ${ws}:${code} without a layer`, () =>
          client.layers.deleteFeatureType(ws, ds, code, true),
        );
        featureType = undefined;
      }
    }
    if (!featureType) {
      // GeoServer creates the layer (and, by default, its GWC tile layer) with the feature type
      await this.step(`creating feature type ${ws}:${code}`, () =>
        client.layers.publishFeatureType(
          ws,
          ds,
          code, // nativeName: the view published.<code>
          code,
          layer.name,
          SRS,
          true,
          layer.description ?? '',
          { ...box, crs: SRS },
        ),
      );
      return false;
    }
    // GeoServer REST "featuretypes": PUT updates the given properties and clears GeoServer's cached copy
    // of the type, so columns added to the view are read again
    await this.rest.expectOk(
      `updating feature type ${ws}:${code}`,
      'PUT',
      this.rest.rest(`workspaces/${ws}/datastores/${ds}/featuretypes/${code}.json`),
      {
        contentType: 'application/json',
        text: JSON.stringify({
          featureType: {
            name: code,
            nativeName: code,
            title: layer.name,
            abstract: layer.description ?? '',
            srs: SRS,
            enabled: true,
            nativeBoundingBox: { ...box, crs: SRS },
            // CGCS2000 and WGS 84 differ by centimetres: the same numbers serve as lon/lat box
            latLonBoundingBox: { ...box, crs: 'EPSG:4326' },
          },
        }),
      },
    );
    return true;
  }

  private async ensureTileLayer(code: string): Promise<void> {
    const name = `${this.workspace}:${code}`;
    const url = this.rest.gwc(`layers/${name}.xml`);
    const body = { contentType: 'text/xml', text: tileLayerXml(name, this.tileLayer) };
    const current = await this.rest.send('GET', url);
    // GWC REST "layers": PUT adds a tile layer and refuses one that exists; POST modifies an existing one.
    // GeoServer usually made the tile layer already when the layer was created.
    if (current.status === 404) {
      await this.rest.expectOk(`creating the cached tile layer ${name}`, 'PUT', url, body);
    } else if (current.status === 200) {
      await this.rest.expectOk(`updating the cached tile layer ${name}`, 'POST', url, body);
    } else {
      throw this.failed(`reading the cached tile layer ${name}`, current.status, current.text);
    }
  }

  /**
   * Reads an object and creates it when missing. When the create fails because another publisher
   * created it meanwhile, that is success too.
   */
  private async createUnlessExists<T>(
    what: string,
    read: () => Promise<T | undefined>,
    create: () => Promise<unknown>,
  ): Promise<{ created: boolean; existing: T | undefined }> {
    const existing = await this.step(`reading ${what}`, read);
    if (existing) return { created: false, existing };
    try {
      await this.step(`creating ${what}`, create);
      return { created: true, existing: undefined };
    } catch (error) {
      const now = await read().catch(() => undefined);
      if (now) return { created: false, existing: now };
      throw error;
    }
  }

  /** Runs one geoserver-node-client call, turning its errors into a PublishingError naming the step. */
  private async step<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof PublishingError) throw error;
      const output = (error as { geoServerOutput?: unknown }).geoServerOutput;
      const detail = typeof output === 'string' && output.trim() !== '' ? `: ${output.slice(0, 500)}` : '';
      throw new PublishingError(
        'geoserver_request_failed',
        `GeoServer请求失败 / GeoServer refused ${what} (${(error as Error).message})${detail}`,
        { step: what },
      );
    }
  }

  private failed(what: string, status: number, text: string): PublishingError {
    return new PublishingError(
      'geoserver_request_failed',
      `GeoServer请求失败 / GeoServer refused ${what} (HTTP ${status}): ${text.slice(0, 500)}`,
      { step: what, status },
    );
  }
}
