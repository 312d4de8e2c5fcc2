// Publishing the sample city's land-use plan to GeoServer, played by a REST double that follows
// GeoServer's documented API (tests/support/geoserver-double.ts) and reads the view from the real test
// database with the store's own settings, as GeoServer would.
import path from 'node:path';
import { Pool } from 'pg';
import { importFile } from '../../../importers';
import { defaultStyle, findLayer, softDeleteLayer, type LayerSummary } from '../../../layers';
import {
  GeoServerPublisher,
  geoServerDatabaseSettings,
  publishAllLayersToGeoServer,
  publishLayerToGeoServer,
  PublishingError,
  unpublishLayerFromGeoServer,
  dropCurrentVersionView,
  type PublishableLayer,
} from '../../../layers/publishing';
import { testDatabaseUrl } from '../../support/environment';
import { startGeoServerDouble, type GeoServerDouble } from '../../support/geoserver-double';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';

// geoserver-node-client and geostyler-sld-parser are ES modules, which jest on Node 20 can neither require
// nor transform (it leaves node_modules alone). The client's CommonJS build needs only node-fetch, whose
// place Node's own fetch takes; the SLD parser's self-contained IIFE build of the same version stands in.
jest.mock('node-fetch', () => ({
  __esModule: true,
  default: (...args: Parameters<typeof fetch>) => fetch(...args),
}));
jest.mock('geostyler-sld-parser', () => {
  const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const bundle = readFileSync(require.resolve('geostyler-sld-parser/dist/sldStyleParser.iife.js'), 'utf8');
  return new Function(`${bundle}\nreturn GeoStylerSLDParser;`)() as unknown;
});

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
const database = geoServerDatabaseSettings(testDatabaseUrl());
const WS = 'one_blueprint';
const KEY = `${WS}:land_use_plan`;

let double: GeoServerDouble;
let landUse: LayerSummary;
let viewExistedBefore = false;

const publisherFor = (target: GeoServerDouble, password = 'geoserver', db = database) =>
  new GeoServerPublisher({ url: target.url, user: 'admin', password, database: db });

function publishable(layer: LayerSummary): PublishableLayer {
  return {
    code: layer.code,
    name: layer.name,
    description: layer.description,
    attributeSchema: layer.attributeSchema,
    style: layer.style,
    geometryType: layer.geometryType,
    extent: layer.extent,
  };
}

/** The requests that change something, as METHOD /path?query, from the n-th request on. */
const writes = (target: GeoServerDouble, from = 0) =>
  target.requests
    .slice(from)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`);

beforeAll(async () => {
  double = await startGeoServerDouble({ inspectDatabase: true });
  const found = await findLayer(pool, 'land_use_plan');
  if (!found) throw new Error('the sample city has no land_use_plan layer');
  landUse = found;
  const { rows } = await pool.query<{ view: string | null }>(
    "SELECT to_regclass('published.land_use_plan')::text AS view",
  );
  viewExistedBefore = rows[0]?.view !== null;
});

afterAll(async () => {
  await double.close();
  if (!viewExistedBefore) await dropCurrentVersionView(pool, 'land_use_plan');
  await pool.end();
});

describe('GeoServerPublisher', () => {
  it('publishes land_use_plan: workspace, PostGIS store, feature type over the view, SLD style, tile layer', async () => {
    await publishLayerToGeoServer(pool, publisherFor(double), 'land_use_plan');

    expect(writes(double)).toEqual([
      `POST /geoserver/rest/workspaces`,
      `POST /geoserver/rest/workspaces/${WS}/datastores`,
      `POST /geoserver/rest/workspaces/${WS}/styles?name=land_use_plan`,
      `POST /geoserver/rest/workspaces/${WS}/datastores/published/featuretypes`,
      `PUT /geoserver/rest/layers/${KEY}.json`,
      // GeoServer made the tile layer with the layer; the publisher sets it as it wants it
      `POST /geoserver/gwc/rest/layers/${KEY}.xml`,
    ]);
    expect(double.unhandled).toEqual([]);

    const { catalog } = double;
    expect(catalog.workspaces.get(WS)).toEqual({ name: WS, isolated: false });
    expect(catalog.dataStores.get(`${WS}:published`)).toEqual({
      name: 'published',
      workspace: WS,
      type: 'PostGIS',
      enabled: true,
      connectionParameters: {
        dbtype: 'postgis',
        host: database.host,
        port: String(database.port),
        database: database.database,
        user: database.user,
        passwd: database.password,
        schema: 'published',
        namespace: `http://${WS}`,
        'Expose primary keys': 'false',
      },
    });

    const featureType = catalog.featureTypes.get(KEY);
    const [minx, miny, maxx, maxy] = landUse.extent ?? [];
    expect(featureType).toMatchObject({
      name: 'land_use_plan',
      nativeName: 'land_use_plan',
      store: 'published',
      title: '控制性详细规划用地',
      srs: 'EPSG:4490',
      enabled: true,
      nativeBoundingBox: { minx, miny, maxx, maxy, crs: 'EPSG:4490' },
      latLonBoundingBox: { minx, miny, maxx, maxy, crs: 'EPSG:4326' },
    });
    // read from the view in the test database with the store's settings
    expect(featureType?.attributes).toEqual(
      expect.arrayContaining([
        { name: 'fid', binding: 'java.lang.Long', nillable: true },
        { name: 'land_use_code', binding: 'java.lang.String', nillable: true },
        { name: 'plot_ratio', binding: 'java.lang.Double', nillable: true },
        { name: 'geom', binding: 'org.locationtech.jts.geom.MultiPolygon', nillable: true },
      ]),
    );
    expect(featureType?.attributes).toHaveLength(landUse.attributeSchema.length + 3);

    const style = catalog.styles.get(KEY);
    expect(style).toMatchObject({
      name: 'land_use_plan',
      workspace: WS,
      format: 'sld',
      languageVersion: '1.0.0',
    });
    expect(style?.sld).toContain('<StyledLayerDescriptor version="1.0.0"');
    expect(style?.sld).toMatch(
      /<ogc:PropertyName>land_use_code<\/ogc:PropertyName>\s*<ogc:Literal>0701<\/ogc:Literal>/,
    );
    expect(style?.sld).toContain('<Title>0701 城镇住宅用地</Title>');
    expect(style?.sld).toContain('<CssParameter name="fill">#FFFF2D</CssParameter>');

    expect(catalog.layers.get(KEY)).toEqual({
      name: 'land_use_plan',
      workspace: WS,
      type: 'VECTOR',
      defaultStyle: KEY,
    });
    expect(catalog.tileLayers.get(KEY)).toEqual({
      name: KEY,
      enabled: true,
      mimeFormats: ['image/png', 'image/jpeg'],
      gridSubsets: ['EPSG:4326', 'EPSG:900913'],
      metaWidthHeight: [4, 4],
      gutter: 0,
    });
  });

  it('publishes again without error and leaves the same state, updating in place and emptying the tile cache', async () => {
    const before = double.snapshot();
    const from = double.requests.length;
    await publishLayerToGeoServer(pool, publisherFor(double), 'land_use_plan');

    expect(double.snapshot()).toEqual(before);
    expect(writes(double, from)).toEqual([
      `PUT /geoserver/rest/workspaces/${WS}/styles/land_use_plan`,
      `PUT /geoserver/rest/workspaces/${WS}/datastores/published/featuretypes/land_use_plan.json`,
      `PUT /geoserver/rest/layers/${KEY}.json`,
      `POST /geoserver/gwc/rest/layers/${KEY}.xml`,
      `POST /geoserver/gwc/rest/masstruncate`,
    ]);
    expect(double.truncations).toEqual([KEY]);
    expect(double.unhandled).toEqual([]);
  });

  it('applies a changed title, extent and style on the next publish', async () => {
    const publisher = publisherFor(double);
    await publisher.publish({
      ...publishable(landUse),
      name: '控制性详细规划用地（修订）',
      extent: [87.5, 43.7, 87.6, 43.8],
      style: defaultStyle('修订', '#FF0000'),
    });
    expect(double.catalog.featureTypes.get(KEY)).toMatchObject({
      title: '控制性详细规划用地（修订）',
      nativeBoundingBox: { minx: 87.5, miny: 43.7, maxx: 87.6, maxy: 43.8, crs: 'EPSG:4490' },
    });
    expect(double.catalog.styles.get(KEY)?.sld).toContain('#FF0000');
    expect(double.catalog.styles.get(KEY)?.sld).not.toContain('#FFFF2D');

    await publisher.publish(publishable(landUse));
    expect(double.catalog.featureTypes.get(KEY)?.title).toBe('控制性详细规划用地');
    expect(double.catalog.styles.get(KEY)?.sld).toContain('#FFFF2D');
  });

  it('unpublishes: tile layer, layer, feature type and style are gone, workspace and store stay', async () => {
    const publisher = publisherFor(double);
    const from = double.requests.length;
    await publisher.unpublish('land_use_plan');

    expect(writes(double, from)).toEqual([
      `DELETE /geoserver/gwc/rest/layers/${KEY}.xml`,
      `DELETE /geoserver/rest/workspaces/${WS}/datastores/published/featuretypes/land_use_plan?recurse=true`,
      `DELETE /geoserver/rest/workspaces/${WS}/styles/land_use_plan?purge=true&recurse=true`,
    ]);
    const { catalog } = double;
    expect(catalog.tileLayers.has(KEY)).toBe(false);
    expect(catalog.layers.has(KEY)).toBe(false);
    expect(catalog.featureTypes.has(KEY)).toBe(false);
    expect(catalog.styles.has(KEY)).toBe(false);
    expect(catalog.workspaces.has(WS)).toBe(true);
    expect(catalog.dataStores.has(`${WS}:published`)).toBe(true);

    // nothing left to remove is no error
    await publisher.unpublish('land_use_plan');
    expect(writes(double, from)).toHaveLength(3);
    expect(double.unhandled).toEqual([]);
  });

  it('refuses a wrong password with a clear error and changes nothing', async () => {
    const fresh = await startGeoServerDouble();
    try {
      const failure = await publisherFor(fresh, 'not-the-password')
        .publish(publishable(landUse))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PublishingError);
      expect(failure).toMatchObject({
        code: 'geoserver_unauthorized',
        details: { status: 401, user: 'admin' },
      });
      expect((failure as Error).message).toMatch(
        /GeoServer at http:\/\/127\.0\.0\.1:\d+\/geoserver refused the credentials of user "admin" \(HTTP 401 .*\): check GEOSERVER_USER and GEOSERVER_PASSWORD/,
      );
      expect((failure as Error).message).not.toContain('not-the-password');
      await expect(publisherFor(fresh, 'not-the-password').unpublish('land_use_plan')).rejects.toMatchObject({
        code: 'geoserver_unauthorized',
      });
      expect(fresh.catalog.workspaces.size).toBe(0);
      expect(fresh.requests.length).toBeGreaterThan(0);
      expect(fresh.requests.every((r) => r.status === 401)).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('says so when GeoServer cannot be reached', async () => {
    const gone = await startGeoServerDouble();
    await gone.close();
    await expect(publisherFor(gone).publish(publishable(landUse))).rejects.toMatchObject({
      code: 'geoserver_unreachable',
      message: expect.stringMatching(/cannot be reached .*check GEOSERVER_URL/),
    });
  });

  it('says so when GEOSERVER_URL is not GeoServer’s base URL', async () => {
    const publisher = new GeoServerPublisher({
      url: double.url.replace(/\/geoserver$/, ''),
      user: 'admin',
      password: 'geoserver',
      database,
    });
    await expect(publisher.publish(publishable(landUse))).rejects.toMatchObject({
      code: 'geoserver_not_found',
      message: expect.stringMatching(
        /GEOSERVER_URL must be GeoServer's base URL, e.g. http:\/\/geoserver:8080\/geoserver/,
      ),
    });
  });

  it('creates the tile layer itself where GeoServer does not, and updates a store whose settings changed', async () => {
    const fresh = await startGeoServerDouble({ autoCreateTileLayers: false });
    try {
      await publisherFor(fresh).publish(publishable(landUse));
      expect(writes(fresh)).toContain(`PUT /geoserver/gwc/rest/layers/${KEY}.xml`);
      expect(fresh.catalog.tileLayers.get(KEY)?.gridSubsets).toEqual(['EPSG:4326', 'EPSG:900913']);

      const from = fresh.requests.length;
      await publisherFor(fresh, 'geoserver', {
        ...database,
        host: 'postgis.internal',
        user: 'geoserver_reader',
      }).publish(publishable(landUse));
      expect(writes(fresh, from)[0]).toBe(`PUT /geoserver/rest/workspaces/${WS}/datastores/published.json`);
      expect(fresh.catalog.dataStores.get(`${WS}:published`)?.connectionParameters).toMatchObject({
        host: 'postgis.internal',
        user: 'geoserver_reader',
        schema: 'published',
      });
      expect(fresh.unhandled).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('names the step GeoServer refused: a feature type whose view does not exist', async () => {
    const fresh = await startGeoServerDouble({ inspectDatabase: true });
    try {
      await expect(
        publisherFor(fresh).publish({ ...publishable(landUse), code: 'no_view_for_this_layer' }),
      ).rejects.toMatchObject({
        code: 'geoserver_request_failed',
        message: expect.stringMatching(
          /GeoServer refused creating feature type one_blueprint:no_view_for_this_layer .*no attributes were specified/,
        ),
      });
    } finally {
      await fresh.close();
    }
  });

  it('refuses a raster layer, a bad code and a style it cannot convert before sending anything', async () => {
    const from = double.requests.length;
    const publisher = publisherFor(double);
    await expect(
      publisher.publish({ ...publishable(landUse), code: 'imagery_2024', geometryType: 'Raster' }),
    ).rejects.toMatchObject({ code: 'not_a_vector_layer' });
    await expect(publisher.publish({ ...publishable(landUse), code: 'x"; DROP' })).rejects.toMatchObject({
      code: 'invalid_layer_code',
    });
    await expect(publisher.unpublish('../../rest/workspaces/one_blueprint')).rejects.toMatchObject({
      code: 'invalid_layer_code',
    });
    await expect(
      publisher.publish({ ...publishable(landUse), style: { name: 'bad', rules: [] } }),
    ).rejects.toThrow(/cannot be converted to SLD: the style has no rules/);
    await expect(
      publisher.publish({ ...publishable(landUse), extent: [87, 43, 'x', 44] as never }),
    ).rejects.toMatchObject({ code: 'invalid_extent' });
    expect(double.requests.length).toBe(from);
  });

  it('publishes every vector layer of the sample city at once, skipping imagery', async () => {
    const viewsNow = async () =>
      (
        await pool.query<{ name: string }>(
          "SELECT viewname AS name FROM pg_views WHERE schemaname = 'published'",
        )
      ).rows.map((r) => r.name);
    const before = new Set(await viewsNow());
    const fresh = await startGeoServerDouble();
    try {
      const { published } = await publishAllLayersToGeoServer(pool, publisherFor(fresh));
      const sampleVectorLayers = [
        'blue_line',
        'city_boundary',
        'districts',
        'ecological_red_line',
        'green_line',
        'land_use_plan',
        'permanent_basic_farmland',
        'purple_line',
        'regional_assessments',
        'urban_development_boundary',
        'yellow_line',
      ];
      expect(published).toEqual(expect.arrayContaining(sampleVectorLayers));
      expect(published).not.toContain('imagery_2024');
      for (const code of sampleVectorLayers) {
        expect(fresh.catalog.layers.get(`${WS}:${code}`)?.defaultStyle).toBe(`${WS}:${code}`);
      }
      expect(fresh.catalog.featureTypes.get(`${WS}:ecological_red_line`)?.title).toBe('生态保护红线');
      await expect(publishAllLayersToGeoServer(pool, publisherFor(fresh, 'wrong'))).rejects.toMatchObject({
        code: 'geoserver_unauthorized',
      });
    } finally {
      await fresh.close();
      // leave the shared test database with the views it had
      for (const view of await viewsNow()) {
        if (!before.has(view) && view !== 'land_use_plan') await dropCurrentVersionView(pool, view);
      }
    }
  });

  it('unpublishes from GeoServer first, then drops the view', async () => {
    const layer = await freshLayer(pool, { prefix: 'gs_unpublish' });
    const key = `${WS}:${layer}`;
    const view = async () =>
      (
        await pool.query<{ view: string | null }>('SELECT to_regclass($1)::text AS view', [
          `published.${layer}`,
        ])
      ).rows[0]?.view ?? null;
    try {
      const dir = workDir('gs-unpublish-');
      await importFile(pool, {
        layer,
        file: writeJson(dir, 'v1.geojson', sourceParcels(2)),
        rasterDir: path.join(dir, 'r'),
      });
      await publishLayerToGeoServer(pool, publisherFor(double), layer);
      expect(await view()).toBe(`published.${layer}`);
      expect(double.catalog.layers.has(key)).toBe(true);

      // GeoServer refuses: the layer stays published there, so its view must stay too
      await expect(
        unpublishLayerFromGeoServer(pool, publisherFor(double, 'wrong'), layer),
      ).rejects.toMatchObject({ code: 'geoserver_unauthorized' });
      expect(double.catalog.layers.has(key)).toBe(true);
      expect(await view()).toBe(`published.${layer}`);

      await unpublishLayerFromGeoServer(pool, publisherFor(double), layer);
      expect(double.catalog.layers.has(key)).toBe(false);
      expect(double.catalog.featureTypes.has(key)).toBe(false);
      expect(await view()).toBeNull();
    } finally {
      await dropCurrentVersionView(pool, layer);
      await softDeleteLayer(pool, layer);
    }
  });
});
