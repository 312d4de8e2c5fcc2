// A stand-in for GeoServer's REST API and GeoWebCache's REST API, for tests: GeoServer (a Java web app)
// cannot run on the development machines. It answers exactly the requests the GeoServer publisher makes
// through geoserver-node-client, as GeoServer's REST documentation describes them (docs.geoserver.org →
// "REST API" reference: about, workspaces, namespaces, datastores, featuretypes, layers, styles; user
// manual → "GeoWebCache → REST API": layers, masstruncate), and keeps GeoServer's catalog in memory for tests
// to inspect. Anything else is recorded in `unhandled` and answered 404, so a test can assert none.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Pool } from 'pg';

export interface BoundingBox {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
  crs: string;
}

export interface DataStoreState {
  name: string;
  workspace: string;
  type: string;
  enabled: boolean;
  connectionParameters: Record<string, string>;
}

export interface AttributeState {
  name: string;
  binding: string;
  nillable: boolean;
}

export interface FeatureTypeState {
  name: string;
  nativeName: string;
  workspace: string;
  store: string;
  title: string;
  abstract: string;
  srs: string;
  enabled: boolean;
  nativeBoundingBox: BoundingBox | null;
  latLonBoundingBox: BoundingBox | null;
  /** read from PostGIS when the double inspects the database, as GeoServer does */
  attributes: AttributeState[] | null;
}

export interface LayerState {
  name: string;
  workspace: string;
  type: 'VECTOR';
  /** a workspace style as workspace:name, a global one as its name */
  defaultStyle: string;
}

export interface StyleState {
  name: string;
  workspace: string;
  format: 'sld';
  languageVersion: string;
  filename: string;
  sld: string;
}

export interface TileLayerState {
  name: string;
  enabled: boolean;
  mimeFormats: string[];
  gridSubsets: string[];
  metaWidthHeight: number[];
  gutter: number;
}

export interface GeoServerCatalog {
  workspaces: Map<string, { name: string; isolated: boolean }>;
  namespaces: Map<string, { prefix: string; uri: string; isolated: boolean }>;
  /** keys workspace:name */
  dataStores: Map<string, DataStoreState>;
  featureTypes: Map<string, FeatureTypeState>;
  layers: Map<string, LayerState>;
  styles: Map<string, StyleState>;
  tileLayers: Map<string, TileLayerState>;
}

export interface GeoServerDoubleOptions {
  /** GeoServer's out-of-the-box admin account by default */
  user?: string;
  password?: string;
  /**
   * GeoServer's "Automatically configure a GeoWebCache layer for each new layer" (Tile Caching →
   * Caching Defaults), on by default: a new layer gets a tile layer with the default formats and grid sets.
   */
  autoCreateTileLayers?: boolean;
  /**
   * Connect to PostGIS with a store's own settings when a feature type is created or updated, as GeoServer
   * does: refuse a native table or view that does not exist, and read its columns as the attributes.
   */
  inspectDatabase?: boolean;
}

export interface GeoServerDouble {
  /** like http://geoserver:8080/geoserver: REST under /rest, GWC under /gwc/rest */
  url: string;
  catalog: GeoServerCatalog;
  /** every request answered, in order, with the HTTP Basic user it came as (never the password) */
  requests: { method: string; path: string; status: number; user: string | null }[];
  /** layers whose tiles were truncated, in order */
  truncations: string[];
  unhandled: string[];
  /** the catalog as plain sorted JSON, for comparing states */
  snapshot(): Record<string, unknown>;
  close(): Promise<void>;
}

class Answer {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly contentType = 'text/plain',
    readonly headers: Record<string, string> = {},
  ) {}
}

const json = (status: number, value: unknown) =>
  new Answer(status, JSON.stringify(value), 'application/json');
const text = (status: number, message: string) => new Answer(status, message);

interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
  match: string[];
}

type Handler = (request: Request) => Answer | Promise<Answer>;

const DEFAULT_GRID_SETS = ['EPSG:4326', 'EPSG:900913'];
const DEFAULT_FORMATS = ['image/png', 'image/jpeg'];

/** Default styles GeoServer ships and gives a new layer by its geometry. */
function geometryDefaultStyle(attributes: AttributeState[] | null): string {
  const geometry = attributes?.find((a) => a.binding.startsWith('org.locationtech.jts.geom.'))?.binding ?? '';
  if (/Polygon$/.test(geometry)) return 'polygon';
  if (/LineString$/.test(geometry)) return 'line';
  if (/Point$/.test(geometry)) return 'point';
  return 'generic';
}

/** PostgreSQL column types as GeoServer's PostGIS store binds them. */
function binding(type: string): string {
  const geometry = /^geometry\((\w+),\d+\)$/.exec(type);
  if (geometry) {
    const name = geometry[1] ?? 'Geometry';
    const jts = ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'].find(
      (t) => t.toLowerCase() === name.toLowerCase(),
    );
    return `org.locationtech.jts.geom.${jts ?? 'Geometry'}`;
  }
  const simple: Record<string, string> = {
    text: 'java.lang.String',
    'character varying': 'java.lang.String',
    bigint: 'java.lang.Long',
    integer: 'java.lang.Integer',
    'double precision': 'java.lang.Double',
    numeric: 'java.math.BigDecimal',
    boolean: 'java.lang.Boolean',
    date: 'java.sql.Date',
    geometry: 'org.locationtech.jts.geom.Geometry',
  };
  return simple[type] ?? 'java.lang.Object';
}

function box(value: unknown, crs: string): BoundingBox | null {
  const b = value as Partial<Record<'minx' | 'miny' | 'maxx' | 'maxy', unknown>> | undefined;
  if (!b) return null;
  const numbers = [b.minx, b.miny, b.maxx, b.maxy].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  const [minx, miny, maxx, maxy] = numbers as [number, number, number, number];
  return { minx, miny, maxx, maxy, crs };
}

/** The user name of an HTTP Basic Authorization header, or null. */
function basicUser(header: string | undefined): string | null {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  return decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : null;
}

function sorted<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export async function startGeoServerDouble(options: GeoServerDoubleOptions = {}): Promise<GeoServerDouble> {
  const user = options.user ?? 'admin';
  const password = options.password ?? 'geoserver';
  const autoCreateTileLayers = options.autoCreateTileLayers ?? true;
  const catalog: GeoServerCatalog = {
    workspaces: new Map(),
    namespaces: new Map(),
    dataStores: new Map(),
    featureTypes: new Map(),
    layers: new Map(),
    styles: new Map(),
    tileLayers: new Map(),
  };
  const requests: GeoServerDouble['requests'] = [];
  const truncations: string[] = [];
  const unhandled: string[] = [];
  const pools = new Map<string, Pool>();
  let base = '';
  const xml = new XMLParser({
    ignoreAttributes: true,
    isArray: (name) => ['string', 'gridSubset', 'int'].includes(name),
  });

  const href = (path: string) => `${base}/rest/${path}`;
  const created = (name: string, path: string) =>
    new Answer(201, name, 'text/plain', { Location: href(path) });
  const noWorkspace = (ws: string) => text(404, `No such workspace: '${ws}' found`);

  function parseJson(request: Request): Record<string, unknown> | Answer {
    if (!request.contentType.startsWith('application/json')) {
      return text(415, `Content type '${request.contentType}' not supported`);
    }
    try {
      return JSON.parse(request.body) as Record<string, unknown>;
    } catch (error) {
      return text(400, `Could not parse the request body: ${(error as Error).message}`);
    }
  }

  /** The columns of the store's native table or view, read with the store's own connection settings. */
  async function inspect(store: DataStoreState, nativeName: string): Promise<AttributeState[] | Answer> {
    const p = store.connectionParameters;
    const key = JSON.stringify([p.host, p.port, p.database, p.user, p.passwd]);
    let pool = pools.get(key);
    if (!pool) {
      pool = new Pool({
        host: p.host,
        port: Number(p.port),
        database: p.database,
        user: p.user,
        password: p.passwd,
        max: 1,
      });
      pools.set(key, pool);
    }
    try {
      const { rows } = await pool.query<{ name: string; type: string; nillable: boolean }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nillable
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'v', 'm', 'p')
           AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum`,
        [p.schema ?? 'public', nativeName],
      );
      return rows.map((r) => ({ name: r.name, binding: binding(r.type), nillable: r.nillable }));
    } catch (error) {
      return text(500, `Error occurred connecting to the data store: ${(error as Error).message}`);
    }
  }

  function removeLayer(key: string): void {
    catalog.layers.delete(key);
    // GeoServer's GWC integration drops the tile layer of a removed layer
    catalog.tileLayers.delete(key);
  }

  function featureTypeJson(ft: FeatureTypeState) {
    return {
      featureType: {
        name: ft.name,
        nativeName: ft.nativeName,
        namespace: { name: ft.workspace, href: href(`namespaces/${ft.workspace}.json`) },
        title: ft.title,
        abstract: ft.abstract,
        srs: ft.srs,
        ...(ft.nativeBoundingBox ? { nativeBoundingBox: ft.nativeBoundingBox } : {}),
        ...(ft.latLonBoundingBox ? { latLonBoundingBox: ft.latLonBoundingBox } : {}),
        enabled: ft.enabled,
        store: {
          '@class': 'dataStore',
          name: `${ft.workspace}:${ft.store}`,
          href: href(`workspaces/${ft.workspace}/datastores/${ft.store}.json`),
        },
        ...(ft.attributes
          ? {
              attributes: {
                attribute: ft.attributes.map((a) => ({
                  name: a.name,
                  minOccurs: 0,
                  maxOccurs: 1,
                  nillable: a.nillable,
                  binding: a.binding,
                })),
              },
            }
          : {}),
      },
    };
  }

  // The routes, one per REST operation the publisher uses; paths are relative to /geoserver.
  const routes: [string, RegExp, Handler][] = [
    // about.yaml: GET /about/version — versions of GeoServer, GeoTools and GeoWebCache
    [
      'GET',
      /^\/rest\/about\/version\.json$/,
      () =>
        json(200, {
          about: {
            resource: [
              { '@name': 'GeoServer', Version: '2.25.2' },
              { '@name': 'GeoTools', Version: '31.2' },
              { '@name': 'GeoWebCache', Version: '1.25.2' },
            ],
          },
        }),
    ],
    // workspaces.yaml: POST /workspaces → 201 with the name; 409 when it exists. GeoServer also creates
    // the namespace of the same prefix with URI http://<name> when there is none.
    [
      'POST',
      /^\/rest\/workspaces$/,
      (request) => {
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const name = (body.workspace as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string' || name === '') return text(400, 'Workspace name required');
        if (catalog.workspaces.has(name)) return text(409, `Workspace '${name}' already exists`);
        catalog.workspaces.set(name, { name, isolated: false });
        if (!catalog.namespaces.has(name)) {
          catalog.namespaces.set(name, { prefix: name, uri: `http://${name}`, isolated: false });
        }
        return created(name, `workspaces/${name}`);
      },
    ],
    // workspaces.yaml: GET /workspaces/{workspace}
    [
      'GET',
      /^\/rest\/workspaces\/([^/]+)\.json$/,
      ({ match: [, ws = ''] }) => {
        const workspace = catalog.workspaces.get(ws);
        if (!workspace) return noWorkspace(ws);
        return json(200, {
          workspace: {
            ...workspace,
            dataStores: href(`workspaces/${ws}/datastores.json`),
            coverageStores: href(`workspaces/${ws}/coveragestores.json`),
            wmsStores: href(`workspaces/${ws}/wmsstores.json`),
            wmtsStores: href(`workspaces/${ws}/wmtsstores.json`),
          },
        });
      },
    ],
    // namespaces.yaml: GET /namespaces/{namespace}
    [
      'GET',
      /^\/rest\/namespaces\/([^/]+)\.json$/,
      ({ match: [, prefix = ''] }) => {
        const namespace = catalog.namespaces.get(prefix);
        return namespace ? json(200, { namespace }) : text(404, `No such namespace: '${prefix}' found`);
      },
    ],
    // datastores.yaml: POST /workspaces/{workspace}/datastores → 201; the catalog refuses a second store
    // of the same name in a workspace (500 with the catalog's message). Parameters are kept as strings.
    [
      'POST',
      /^\/rest\/workspaces\/([^/]+)\/datastores$/,
      (request) => {
        const ws = request.match[1] ?? '';
        if (!catalog.workspaces.has(ws)) return noWorkspace(ws);
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const store = body.dataStore as Record<string, unknown> | undefined;
        const name = store?.name;
        if (typeof name !== 'string' || name === '') return text(400, 'Data store name required');
        if (catalog.dataStores.has(`${ws}:${name}`)) {
          return text(500, `Store '${name}' already exists in workspace '${ws}'`);
        }
        const entries =
          (store?.connectionParameters as { entry?: { '@key': string; $: unknown }[] } | undefined)?.entry ??
          [];
        catalog.dataStores.set(`${ws}:${name}`, {
          name,
          workspace: ws,
          type: typeof store?.type === 'string' ? store.type : 'PostGIS',
          enabled: store?.enabled !== false,
          connectionParameters: Object.fromEntries(entries.map((e) => [e['@key'], String(e.$)])),
        });
        return created(name, `workspaces/${ws}/datastores/${name}`);
      },
    ],
    // datastores.yaml: GET /workspaces/{workspace}/datastores/{store}. GeoServer answers a password
    // encrypted (crypt1:…); the double masks it alike, so no client can compare it.
    [
      'GET',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+)\.json$/,
      ({ match: [, ws = '', ds = ''] }) => {
        if (!catalog.workspaces.has(ws)) return noWorkspace(ws);
        const store = catalog.dataStores.get(`${ws}:${ds}`);
        if (!store) return text(404, `No such datastore: ${ws},${ds}`);
        const entry = Object.entries(store.connectionParameters).map(([key, value]) => ({
          '@key': key,
          $:
            key === 'passwd'
              ? `crypt1:${createHash('sha256').update(value).digest('base64').slice(0, 24)}`
              : value,
        }));
        return json(200, {
          dataStore: {
            name: store.name,
            type: store.type,
            enabled: store.enabled,
            workspace: { name: ws, href: href(`workspaces/${ws}.json`) },
            connectionParameters: { entry },
            _default: false,
            featureTypes: href(`workspaces/${ws}/datastores/${ds}/featuretypes.json`),
          },
        });
      },
    ],
    // datastores.yaml: PUT /workspaces/{workspace}/datastores/{store} → 200; given parameters replace the
    // stored ones of the same key
    [
      'PUT',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+?)(?:\.json)?$/,
      (request) => {
        const [, ws = '', ds = ''] = request.match;
        const store = catalog.dataStores.get(`${ws}:${ds}`);
        if (!store) return text(404, `No such datastore: ${ws},${ds}`);
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const update = body.dataStore as Record<string, unknown> | undefined;
        const entries =
          (update?.connectionParameters as { entry?: { '@key': string; $: unknown }[] } | undefined)?.entry ??
          [];
        for (const e of entries) store.connectionParameters[e['@key']] = String(e.$);
        if (typeof update?.enabled === 'boolean') store.enabled = update.enabled;
        return text(200, '');
      },
    ],
    // featuretypes.yaml: POST /workspaces/{ws}/datastores/{store}/featuretypes → 201. GeoServer creates the
    // layer of the same name with the default style of its geometry, computes the lat/lon box from the
    // native one when not given, refuses a native name the store does not have (400: it would have to
    // create the table, but no attributes were given) and a second resource of the name (500).
    [
      'POST',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+)\/featuretypes$/,
      async (request) => {
        const [, ws = '', ds = ''] = request.match;
        if (!catalog.workspaces.has(ws)) return noWorkspace(ws);
        const store = catalog.dataStores.get(`${ws}:${ds}`);
        if (!store) return text(404, `No such data store: ${ws},${ds}`);
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const ft = body.featureType as Record<string, unknown> | undefined;
        const nativeName = typeof ft?.nativeName === 'string' ? ft.nativeName : ft?.name;
        const name = typeof ft?.name === 'string' ? ft.name : nativeName;
        if (typeof name !== 'string' || typeof nativeName !== 'string') {
          return text(400, 'Feature type name required');
        }
        if (catalog.featureTypes.has(`${ws}:${name}`)) {
          return text(500, `Resource named '${name}' already exists in namespace: '${ws}'`);
        }
        let attributes: AttributeState[] | null = null;
        if (options.inspectDatabase) {
          const columns = await inspect(store, nativeName);
          if (columns instanceof Answer) return columns;
          if (columns.length === 0) {
            return text(
              400,
              'Trying to create new feature type inside the store, but no attributes were specified',
            );
          }
          attributes = columns;
        }
        const srs = typeof ft?.srs === 'string' ? ft.srs : 'EPSG:4326';
        const nativeBox = box(ft?.nativeBoundingBox, srs);
        catalog.featureTypes.set(`${ws}:${name}`, {
          name,
          nativeName,
          workspace: ws,
          store: ds,
          title: typeof ft?.title === 'string' ? ft.title : name,
          abstract: typeof ft?.abstract === 'string' ? ft.abstract : '',
          srs,
          enabled: ft?.enabled !== false,
          nativeBoundingBox: nativeBox,
          latLonBoundingBox: box(ft?.latLonBoundingBox ?? ft?.nativeBoundingBox, 'EPSG:4326'),
          attributes,
        });
        catalog.layers.set(`${ws}:${name}`, {
          name,
          workspace: ws,
          type: 'VECTOR',
          defaultStyle: geometryDefaultStyle(attributes),
        });
        if (autoCreateTileLayers) {
          catalog.tileLayers.set(`${ws}:${name}`, {
            name: `${ws}:${name}`,
            enabled: true,
            mimeFormats: DEFAULT_FORMATS,
            gridSubsets: DEFAULT_GRID_SETS,
            metaWidthHeight: [4, 4],
            gutter: 0,
          });
        }
        return created(name, `workspaces/${ws}/datastores/${ds}/featuretypes/${name}`);
      },
    ],
    // featuretypes.yaml: GET /workspaces/{ws}/datastores/{store}/featuretypes/{featureType}
    [
      'GET',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+)\/featuretypes\/([^/]+)\.json$/,
      ({ match: [, ws = '', ds = '', name = ''] }) => {
        const ft = catalog.featureTypes.get(`${ws}:${name}`);
        if (!ft || ft.store !== ds) return text(404, `No such feature type: ${ws},${ds},${name}`);
        return json(200, featureTypeJson(ft));
      },
    ],
    // featuretypes.yaml: PUT …/featuretypes/{featureType} → 200; the properties given replace the stored
    // ones, and GeoServer drops its cached copy of the type, so the columns are read again
    [
      'PUT',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+)\/featuretypes\/([^/]+?)(?:\.json)?$/,
      async (request) => {
        const [, ws = '', ds = '', name = ''] = request.match;
        const stored = catalog.featureTypes.get(`${ws}:${name}`);
        const store = catalog.dataStores.get(`${ws}:${ds}`);
        if (!stored || !store || stored.store !== ds) {
          return text(404, `No such feature type: ${ws},${ds},${name}`);
        }
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const ft = (body.featureType ?? {}) as Record<string, unknown>;
        if (typeof ft.name === 'string' && ft.name !== name) {
          return text(403, "Can't change the name of a feature type");
        }
        if (typeof ft.title === 'string') stored.title = ft.title;
        if (typeof ft.abstract === 'string') stored.abstract = ft.abstract;
        if (typeof ft.srs === 'string') stored.srs = ft.srs;
        if (typeof ft.enabled === 'boolean') stored.enabled = ft.enabled;
        if (ft.nativeBoundingBox) stored.nativeBoundingBox = box(ft.nativeBoundingBox, stored.srs);
        if (ft.latLonBoundingBox) stored.latLonBoundingBox = box(ft.latLonBoundingBox, 'EPSG:4326');
        if (options.inspectDatabase) {
          const columns = await inspect(store, stored.nativeName);
          if (columns instanceof Answer) return columns;
          stored.attributes = columns;
        }
        return text(200, '');
      },
    ],
    // featuretypes.yaml: DELETE …/featuretypes/{featureType}?recurse=true also removes its layer; without
    // recurse a feature type that still has a layer is refused (403)
    [
      'DELETE',
      /^\/rest\/workspaces\/([^/]+)\/datastores\/([^/]+)\/featuretypes\/([^/.]+)$/,
      ({ match: [, ws = '', ds = '', name = ''], query }) => {
        const ft = catalog.featureTypes.get(`${ws}:${name}`);
        if (!ft || ft.store !== ds) return text(404, `No such feature type: ${ws},${ds},${name}`);
        if (catalog.layers.has(`${ws}:${name}`)) {
          if (query.get('recurse') !== 'true')
            return text(403, `featureType '${name}' referenced by layer(s)`);
          removeLayer(`${ws}:${name}`);
        }
        catalog.featureTypes.delete(`${ws}:${name}`);
        return text(200, '');
      },
    ],
    // layers.yaml: GET /layers/{workspace}:{layer}
    [
      'GET',
      /^\/rest\/layers\/([^/:]+):([^/]+)\.json$/,
      ({ match: [, ws = '', name = ''] }) => {
        const layer = catalog.layers.get(`${ws}:${name}`);
        if (!layer) return text(404, `No such layer: ${ws}:${name}`);
        const [styleWs, styleName] = layer.defaultStyle.includes(':')
          ? layer.defaultStyle.split(':')
          : [undefined, layer.defaultStyle];
        return json(200, {
          layer: {
            name: layer.name,
            type: layer.type,
            defaultStyle: {
              name: layer.defaultStyle,
              ...(styleWs ? { workspace: styleWs } : {}),
              href: href(
                styleWs ? `workspaces/${styleWs}/styles/${styleName}.json` : `styles/${styleName}.json`,
              ),
            },
            resource: {
              '@class': 'featureType',
              name: `${ws}:${name}`,
              href: href(
                `workspaces/${ws}/datastores/${catalog.featureTypes.get(`${ws}:${name}`)?.store}/featuretypes/${name}.json`,
              ),
            },
            attribution: { logoWidth: 0, logoHeight: 0 },
          },
        });
      },
    ],
    // layers.yaml: PUT /layers/{workspace}:{layer} → 200; defaultStyle names a style ({name, workspace})
    // that must exist
    [
      'PUT',
      /^\/rest\/layers\/([^/:]+):([^/]+?)(?:\.json)?$/,
      (request) => {
        const [, ws = '', name = ''] = request.match;
        const layer = catalog.layers.get(`${ws}:${name}`);
        if (!layer) return text(404, `No such layer: ${ws}:${name}`);
        const body = parseJson(request);
        if (body instanceof Answer) return body;
        const style = (body.layer as { defaultStyle?: { name?: unknown; workspace?: unknown } } | undefined)
          ?.defaultStyle;
        if (style) {
          const qualified =
            typeof style.workspace === 'string'
              ? `${style.workspace}:${String(style.name)}`
              : String(style.name);
          if (
            !catalog.styles.has(qualified) &&
            !['point', 'line', 'polygon', 'generic'].includes(qualified)
          ) {
            return text(400, `No such style: ${qualified}`);
          }
          layer.defaultStyle = qualified;
        }
        return text(200, '');
      },
    ],
    // styles.yaml: POST /workspaces/{workspace}/styles?name=… with an SLD 1.0.0 body
    // (application/vnd.ogc.sld+xml) → 201; a style of that name already there is refused (403), a body that
    // is no SLD too (400)
    [
      'POST',
      /^\/rest\/workspaces\/([^/]+)\/styles$/,
      ({ match: [, ws = ''], query, contentType, body }) => {
        if (!catalog.workspaces.has(ws)) return noWorkspace(ws);
        if (!contentType.startsWith('application/vnd.ogc.sld+xml')) {
          return text(415, `Content type '${contentType}' not supported`);
        }
        const invalid = sldProblem(body);
        if (invalid) return text(400, `Invalid style: ${invalid}`);
        const name = query.get('name');
        if (!name) return text(400, 'Style must have a name.');
        if (catalog.styles.has(`${ws}:${name}`)) return text(403, `Style ${name} already exists.`);
        catalog.styles.set(`${ws}:${name}`, {
          name,
          workspace: ws,
          format: 'sld',
          languageVersion: '1.0.0',
          filename: `${name}.sld`,
          sld: body,
        });
        return created(name, `workspaces/${ws}/styles/${name}`);
      },
    ],
    // styles.yaml: GET /workspaces/{workspace}/styles/{style}
    [
      'GET',
      /^\/rest\/workspaces\/([^/]+)\/styles\/([^/]+)\.json$/,
      ({ match: [, ws = '', name = ''] }) => {
        const style = catalog.styles.get(`${ws}:${name}`);
        if (!style) return text(404, `No such style: ${name}`);
        return json(200, {
          style: {
            name: style.name,
            workspace: { name: ws },
            format: style.format,
            languageVersion: { version: style.languageVersion },
            filename: style.filename,
          },
        });
      },
    ],
    // styles.yaml: PUT /workspaces/{workspace}/styles/{style} with an SLD body replaces it → 200
    [
      'PUT',
      /^\/rest\/workspaces\/([^/]+)\/styles\/([^/.]+)$/,
      ({ match: [, ws = '', name = ''], contentType, body }) => {
        const style = catalog.styles.get(`${ws}:${name}`);
        if (!style) return text(404, `No such style: ${name}`);
        if (!contentType.startsWith('application/vnd.ogc.sld+xml')) {
          return text(415, `Content type '${contentType}' not supported`);
        }
        const invalid = sldProblem(body);
        if (invalid) return text(400, `Invalid style: ${invalid}`);
        style.sld = body;
        return text(200, '');
      },
    ],
    // styles.yaml: DELETE /workspaces/{workspace}/styles/{style}?purge=…&recurse=… → 200; a style still
    // used by a layer is refused without recurse (403), with it such layers fall back to their geometry's
    // default style
    [
      'DELETE',
      /^\/rest\/workspaces\/([^/]+)\/styles\/([^/.]+)$/,
      ({ match: [, ws = '', name = ''], query }) => {
        const qualified = `${ws}:${name}`;
        if (!catalog.styles.has(qualified)) return text(404, `No such style: ${name}`);
        const users = [...catalog.layers.entries()].filter(([, l]) => l.defaultStyle === qualified);
        if (users.length > 0 && query.get('recurse') !== 'true') {
          return text(403, "Can't delete style referenced by existing layers.");
        }
        for (const [key, layer] of users) {
          layer.defaultStyle = geometryDefaultStyle(catalog.featureTypes.get(key)?.attributes ?? null);
        }
        catalog.styles.delete(qualified);
        return text(200, '');
      },
    ],
    // GWC REST layers: GET /gwc/rest/layers/{layer}.xml; unknown → 404
    [
      'GET',
      /^\/gwc\/rest\/layers\/([^/]+)\.xml$/,
      ({ match: [, name = ''] }) => {
        const tileLayer = catalog.tileLayers.get(name);
        return tileLayer
          ? new Answer(200, tileLayerXml(tileLayer), 'application/xml')
          : text(404, `Unknown layer: ${name}`);
      },
    ],
    // GWC REST layers: PUT adds a tile layer (200 "layer saved"); one that exists is refused (400, "use
    // POST if you want to replace it"); the name in the body must be the one in the URL
    [
      'PUT',
      /^\/gwc\/rest\/layers\/([^/]+)\.xml$/,
      ({ match: [, name = ''], contentType, body }) => {
        const tileLayer = parseTileLayer(name, contentType, body);
        if (tileLayer instanceof Answer) return tileLayer;
        if (catalog.tileLayers.has(name)) {
          return text(400, `Layer with name ${name} already exists, use POST if you want to replace it.`);
        }
        catalog.tileLayers.set(name, tileLayer);
        return text(200, 'layer saved');
      },
    ],
    // GWC REST layers: POST modifies an existing tile layer (200); an unknown one → 404
    [
      'POST',
      /^\/gwc\/rest\/layers\/([^/]+)\.xml$/,
      ({ match: [, name = ''], contentType, body }) => {
        const tileLayer = parseTileLayer(name, contentType, body);
        if (tileLayer instanceof Answer) return tileLayer;
        if (!catalog.tileLayers.has(name)) return text(404, `Layer ${name} not found, use PUT to add layers`);
        catalog.tileLayers.set(name, tileLayer);
        return text(200, 'layer saved');
      },
    ],
    // GWC REST layers: DELETE → 200; unknown → 404
    [
      'DELETE',
      /^\/gwc\/rest\/layers\/([^/]+)\.xml$/,
      ({ match: [, name = ''] }) => {
        if (!catalog.tileLayers.delete(name)) return text(404, `Unknown layer: ${name}`);
        return text(200, `${name} deleted`);
      },
    ],
    // GWC REST masstruncate: POST <truncateLayer><layerName>…</layerName></truncateLayer> drops the
    // layer's cached tiles → 200
    [
      'POST',
      /^\/gwc\/rest\/masstruncate$/,
      ({ contentType, body }) => {
        if (!/^(text|application)\/xml/.test(contentType)) {
          return text(415, `Content type '${contentType}' not supported`);
        }
        if (XMLValidator.validate(body) !== true) return text(400, 'Malformed request body');
        const layerName = (xml.parse(body) as { truncateLayer?: { layerName?: unknown } }).truncateLayer
          ?.layerName;
        if (typeof layerName !== 'string') return text(400, 'Unknown mass truncate request');
        if (!catalog.tileLayers.has(layerName)) return text(404, `Unknown layer: ${layerName}`);
        truncations.push(layerName);
        return text(200, '');
      },
    ],
  ];

  function sldProblem(body: string): string | undefined {
    const valid = XMLValidator.validate(body);
    if (valid !== true) return valid.err.msg;
    const root = Object.keys(xml.parse(body) as object).find((k) => k !== '?xml');
    return root === 'StyledLayerDescriptor' ? undefined : `root element ${root} is not StyledLayerDescriptor`;
  }

  function parseTileLayer(name: string, contentType: string, body: string): TileLayerState | Answer {
    if (!/^(text|application)\/xml/.test(contentType)) {
      return text(415, `Content type '${contentType}' not supported`);
    }
    if (XMLValidator.validate(body) !== true) return text(400, 'Malformed layer XML');
    const layer = (xml.parse(body) as { GeoServerLayer?: Record<string, unknown> }).GeoServerLayer;
    if (!layer) return text(400, 'Expected a GeoServerLayer');
    if (layer.name !== name) {
      return text(
        400,
        'There is a mismatch between the name of the layer in the submission and the URL you specified.',
      );
    }
    const list = <T>(value: unknown, key: string): T[] =>
      ((value as Record<string, T[] | undefined> | undefined)?.[key] ?? []) as T[];
    return {
      name,
      enabled: String(layer.enabled) !== 'false',
      mimeFormats: list<string>(layer.mimeFormats, 'string'),
      gridSubsets: list<{ gridSetName: string }>(layer.gridSubsets, 'gridSubset').map((g) => g.gridSetName),
      metaWidthHeight: list<number>(layer.metaWidthHeight, 'int').map(Number),
      gutter: Number(layer.gutter ?? 0),
    };
  }

  function tileLayerXml(t: TileLayerState): string {
    return [
      '<GeoServerLayer>',
      `<name>${t.name}</name>`,
      `<enabled>${t.enabled}</enabled>`,
      `<mimeFormats>${t.mimeFormats.map((f) => `<string>${f}</string>`).join('')}</mimeFormats>`,
      `<gridSubsets>${t.gridSubsets.map((g) => `<gridSubset><gridSetName>${g}</gridSetName></gridSubset>`).join('')}</gridSubsets>`,
      `<metaWidthHeight>${t.metaWidthHeight.map((n) => `<int>${n}</int>`).join('')}</metaWidthHeight>`,
      `<gutter>${t.gutter}</gutter>`,
      '</GeoServerLayer>',
    ].join('');
  }

  /** GeoServer's REST API and GWC's ask for an admin's HTTP Basic credentials; others get 401. */
  function authorized(header: string | undefined): boolean {
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    return header === expected;
  }

  async function answer(req: http.IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://double');
    if (!url.pathname.startsWith('/geoserver/')) return text(404, 'Not found');
    if (!authorized(req.headers.authorization)) {
      return new Answer(401, 'HTTP Status 401 – Unauthorized', 'text/plain', {
        'WWW-Authenticate': 'Basic realm="GeoServer Realm"',
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(url.pathname.slice('/geoserver'.length));
    const method = req.method ?? 'GET';
    for (const [routeMethod, pattern, handler] of routes) {
      const match = routeMethod === method ? pattern.exec(path) : null;
      if (match) {
        return handler({
          method,
          path,
          query: url.searchParams,
          contentType: req.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          match: [...match].map((m) => m ?? ''),
        });
      }
    }
    unhandled.push(`${method} ${path}${url.search}`);
    return text(404, `The double does not implement ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    answer(req)
      .catch((error: unknown) => text(500, `Internal error: ${(error as Error).message}`))
      .then((a) => {
        requests.push({
          method: req.method ?? 'GET',
          path: req.url ?? '',
          status: a.status,
          user: basicUser(req.headers.authorization),
        });
        res.writeHead(a.status, { 'Content-Type': `${a.contentType}; charset=UTF-8`, ...a.headers });
        res.end(a.body);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/geoserver`;

  return {
    url: base,
    catalog,
    requests,
    truncations,
    unhandled,
    snapshot: () =>
      JSON.parse(
        JSON.stringify({
          workspaces: sorted(catalog.workspaces),
          namespaces: sorted(catalog.namespaces),
          dataStores: sorted(catalog.dataStores),
          featureTypes: sorted(catalog.featureTypes),
          layers: sorted(catalog.layers),
          styles: sorted(catalog.styles),
          tileLayers: sorted(catalog.tileLayers),
        }),
      ) as Record<string, unknown>,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}
