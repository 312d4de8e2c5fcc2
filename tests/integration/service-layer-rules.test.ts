// WMS, WFS and the tiles agree on which layers are imagery (by geometry type) and on how a requested
// layer name is read (code, ob:code, another XML prefix, {namespace}code), refusing the same bad names.
import { signIn, type SignedIn } from '../support/access';
import path from 'node:path';
import { Pool } from 'pg';
import { createLayer } from '../../layers';
import { importFile } from '../../importers';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { PARCEL_SCHEMA, sourceParcels, workDir, writeJson } from '../support/import-fixtures';
import { decodeImage } from './wms/wms-server';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
const app = createApp({ pool, config: testAppConfig() });
let server: Awaited<ReturnType<typeof listenOnFreePort>>;
// the layers made here are not public, and imports need the right to manage layers
let planner: SignedIn | undefined;
const asPlanner = async (url: string, init: RequestInit = {}) => {
  planner ??= await signIn(server.url, 'planner');
  return fetch(url, {
    ...init,
    headers: planner.headers(init.headers as Record<string, string> | undefined),
  });
};
const dir = workDir('service-rules-');
const footprints = `scene_footprints_${process.pid}`;

beforeAll(async () => {
  server = await listenOnFreePort(app);
  // the footprints of imagery scenes: a layer of the imagery kind that holds polygons
  await createLayer(pool, {
    code: footprints,
    name: '影像景框',
    kind: 'imagery',
    geometryType: 'MultiPolygon',
    attributeSchema: PARCEL_SCHEMA,
  });
  await importFile(pool, {
    layer: footprints,
    file: writeJson(dir, 'footprints.geojson', sourceParcels(1)),
    fileName: 'footprints.geojson',
    rasterDir: path.join(dir, 'rasters'),
  });
});
afterAll(async () => {
  await server.close();
  await pool.end();
});

const ows = (query: string) => asPlanner(`${server.url}/ows?${query}`);

describe('a vector layer of the imagery kind', () => {
  // sourceParcels(1): a square of 0.0007° from 87.55°E, 43.78°N
  const BBOX_LAT_LON = '43.78,87.55,43.7805,87.5507';

  it('is drawn from its features by GetMap', async () => {
    const res = await ows(
      `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:${footprints}&STYLES=&CRS=EPSG:4490&BBOX=${BBOX_LAT_LON}&WIDTH=32&HEIGHT=32&FORMAT=image/png&TRANSPARENT=TRUE`,
    );
    expect(res.status).toBe(200);
    const pixels = await decodeImage(Buffer.from(await res.arrayBuffer()));
    expect(pixels.opaqueCount()).toBeGreaterThan(0);
  });

  it('is queryable in the WMS capabilities, a WFS feature type and a vector tile layer', async () => {
    const capabilities = await (await ows('SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities')).text();
    expect(capabilities).toMatch(
      new RegExp(`<Layer queryable="1" opaque="0">\\s*<Name>ob:${footprints}</Name>`),
    );
    const hits = await (
      await ows(`SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:${footprints}&RESULTTYPE=hits`)
    ).text();
    expect(hits).toContain('numberMatched="1"');
    const layer = (await (await asPlanner(`${server.url}/api/v1/layers/${footprints}`)).json()) as {
      tiles: string;
    };
    expect(layer.tiles).toBe(`/tiles/${footprints}/{z}/{x}/{y}.mvt`);
  });
});

describe('layer names in WMS and WFS', () => {
  const wmsLegend = (name: string) =>
    ows(
      `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=${encodeURIComponent(name)}`,
    );
  const wfsDescribe = (name: string) =>
    ows(`SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=${encodeURIComponent(name)}`);

  it.each(['districts', 'ob:districts', 'feature:districts', '{https://one-blueprint.example/ows}districts'])(
    'both read %s as the districts layer',
    async (name) => {
      const legend = await wmsLegend(name);
      expect([legend.status, legend.headers.get('content-type')]).toEqual([200, 'image/png']);
      const schema = await wfsDescribe(name);
      expect(schema.status).toBe(200);
      expect(await schema.text()).toContain('<xsd:element name="districts"');
    },
  );

  it.each(['{http://example.com/other}districts', 'a:b:districts', 'ob:', 'ob:no_such_layer'])(
    'both refuse %s, naming the parameter',
    async (name) => {
      const legend = await (await wmsLegend(name)).text();
      expect(legend).toMatch(/code="LayerNotDefined" locator="LAYER"/);
      const schema = await wfsDescribe(name);
      expect(schema.status).toBe(400);
      expect(await schema.text()).toMatch(/exceptionCode="InvalidParameterValue" locator="TYPENAMES"/);
    },
  );
});
