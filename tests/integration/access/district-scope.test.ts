// 数据分级访问: a planner limited to 天山区 (650102) changes only that district's layers, and reads no
// layer of another district that is not public, by any door: REST, WFS (by type or by feature id), WMS
// GetMap and GetFeatureInfo, tiles. The unlimited planner is the control: the same requests succeed.
import path from 'node:path';
import { importFile } from '../../../importers';
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { PARCEL_SCHEMA, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
const tag = Math.random().toString(36).slice(2, 8);
const layers = {
  saybagh: `district_650103_${tag}`,
  tianshan: `district_650102_${tag}`,
  cityWide: `district_city_${tag}`,
};
let admin: SignedIn;
let scoped: SignedIn;
let planner: SignedIn;
/** gml:id of a feature of the 650103 layer */
let otherDistrictFeatureId = '';

beforeAll(async () => {
  admin = await signIn(server.url, 'admin');
  scoped = await signIn(server.url, 'planner_tianshan');
  planner = await signIn(server.url, 'planner');
  const dir = workDir('district-');
  const file = writeJson(dir, 'parcels.geojson', sourceParcels(4, { startLon: 87.58, startLat: 43.8 }));
  for (const [code, districtCode] of [
    [layers.saybagh, '650103'],
    [layers.tianshan, '650102'],
    [layers.cityWide, null],
  ] as const) {
    const created = await requestJson(`${server.url}/api/v1/layers`, {
      method: 'POST',
      headers: admin.headers(),
      body: {
        code,
        name: `区县测试 ${code}`,
        kind: 'reference',
        geometryType: 'MultiPolygon',
        attributeSchema: PARCEL_SCHEMA,
        districtCode,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ districtCode, public: false });
    await importFile(server.pool, { layer: code, file, rasterDir: path.join(dir, 'r') });
  }
  const features = await requestJson(
    `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:${layers.saybagh}&COUNT=1&OUTPUTFORMAT=application/json`,
    { headers: admin.headers() },
  );
  expect(features.status).toBe(200);
  otherDistrictFeatureId = features.body.features[0].id as string;
  expect(otherDistrictFeatureId).toMatch(new RegExp(`^${layers.saybagh}\\.`));
}, 240_000);

const patch = (who: SignedIn, code: string) =>
  requestJson(`${server.url}/api/v1/layers/${code}`, {
    method: 'PATCH',
    headers: who.headers(),
    body: { description: `改于${new Date().toISOString()}` },
  });

describe('changes', () => {
  it('refuses PATCH and DELETE of another district’s layer with 403 naming the layer', async () => {
    const patched = await patch(scoped, layers.saybagh);
    expect(patched.status).toBe(403);
    expect(patched.body.error).toMatchObject({
      code: 'forbidden',
      details: { parameter: 'code', value: layers.saybagh },
    });
    const deleted = await requestJson(`${server.url}/api/v1/layers/${layers.saybagh}`, {
      method: 'DELETE',
      headers: scoped.headers(),
    });
    expect(deleted.status).toBe(403);
    expect(
      (await requestJson(`${server.url}/api/v1/layers/${layers.saybagh}`, { headers: admin.headers() }))
        .status,
    ).toBe(200);
  });

  it('refuses PATCH and DELETE of a city-wide layer with 403', async () => {
    const patched = await patch(scoped, layers.cityWide);
    expect(patched.status).toBe(403);
    expect(patched.body.error.details).toMatchObject({ parameter: 'code', value: layers.cityWide });
    const deleted = await requestJson(`${server.url}/api/v1/layers/${layers.cityWide}`, {
      method: 'DELETE',
      headers: scoped.headers(),
    });
    expect(deleted.status).toBe(403);
    expect((await patch(planner, layers.cityWide)).status).toBe(200); // the unlimited planner may
  });

  it('refuses creating a layer in another district or city-wide, and moving its own layer out, naming districtCode', async () => {
    const create = (districtCode: string | null) =>
      requestJson(`${server.url}/api/v1/layers`, {
        method: 'POST',
        headers: scoped.headers(),
        body: {
          code: `scoped_${districtCode ?? 'city'}_${tag}`,
          name: '区县范围外的图层',
          kind: 'reference',
          geometryType: 'MultiPolygon',
          ...(districtCode ? { districtCode } : {}),
        },
      });
    for (const districtCode of ['650103', null]) {
      const refused = await create(districtCode);
      expect(refused.status).toBe(403);
      expect(refused.body.error.details).toMatchObject({ parameter: 'districtCode', value: districtCode });
    }
    const moved = await requestJson(`${server.url}/api/v1/layers/${layers.tianshan}`, {
      method: 'PATCH',
      headers: scoped.headers(),
      body: { districtCode: '650103' },
    });
    expect(moved.status).toBe(403);
    expect(moved.body.error.details).toMatchObject({ parameter: 'districtCode', value: '650103' });
    const own = await create('650102');
    expect(own.status).toBe(201);
  });

  it('allows PATCH of a layer of its own district', async () => {
    const patched = await patch(scoped, layers.tianshan);
    expect(patched.status).toBe(200);
    expect(patched.body.code).toBe(layers.tianshan);
  });
});

describe('reads of another district’s layer that is not public', () => {
  const doors = (code: string): [string, string][] => [
    ['REST features', `/api/v1/layers/${code}/features?limit=1`],
    ['REST layer', `/api/v1/layers/${code}`],
    [
      'WFS GetFeature',
      `/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:${code}&COUNT=1&OUTPUTFORMAT=application/json`,
    ],
    [
      'WMS GetMap',
      `/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:${code}&STYLES=&CRS=EPSG:4490&BBOX=43.79,87.57,43.81,87.60&WIDTH=32&HEIGHT=32&FORMAT=image/png`,
    ],
    [
      'WMS GetFeatureInfo',
      `/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=ob:${code}&QUERY_LAYERS=ob:${code}&STYLES=&CRS=EPSG:4490&BBOX=43.79,87.57,43.81,87.60&WIDTH=32&HEIGHT=32&I=5&J=5&INFO_FORMAT=application/json`,
    ],
    ['vector tile', `/tiles/${code}/14/12177/5970.mvt`],
    ['TileJSON', `/tiles/${code}.json`],
  ];

  it('refuses every door with 403', async () => {
    const answers = await Promise.all(
      doors(layers.saybagh).map(async ([door, url]) => [
        door,
        (await fetch(`${server.url}${url}`, { headers: scoped.headers() })).status,
      ]),
    );
    expect(answers).toEqual(doors(layers.saybagh).map(([door]) => [door, 403]));
  });

  it('opens the same doors to the unlimited planner, and to the scoped one for its own district', async () => {
    for (const [who, code] of [
      [planner, layers.saybagh],
      [scoped, layers.tianshan],
      [scoped, layers.cityWide],
    ] as const) {
      const answers = await Promise.all(
        doors(code).map(async ([door, url]) => [
          door,
          (await fetch(`${server.url}${url}`, { headers: who.headers() })).status,
        ]),
      );
      expect(answers).toEqual(doors(code).map(([door]) => [door, 200]));
    }
  });

  it('names the layer parameter in the OGC exception reports', async () => {
    const [, getFeature] = doors(layers.saybagh)[2]!;
    const wfs = await (await fetch(`${server.url}${getFeature}`, { headers: scoped.headers() })).text();
    expect(wfs).toMatch(/locator="TYPENAMES"/);
    const [, featureInfo] = doors(layers.saybagh)[4]!;
    const wms = await (await fetch(`${server.url}${featureInfo}`, { headers: scoped.headers() })).text();
    expect(wms).toMatch(/locator="(QUERY_)?LAYERS"/);
  });

  it('refuses a feature of the other district asked for by its id with 403', async () => {
    const url = `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=${otherDistrictFeatureId}&OUTPUTFORMAT=application/json`;
    const refused = await fetch(url, { headers: scoped.headers() });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/locator="RESOURCEID"/);
    const allowed = await requestJson(url, { headers: planner.headers() });
    expect(allowed.status).toBe(200);
    expect(allowed.body.features.map((f: { id: string }) => f.id)).toEqual([otherDistrictFeatureId]);
  });

  it('leaves the other district’s layer out of the capabilities of the scoped planner', async () => {
    const scopedCaps = await (
      await fetch(`${server.url}/wfs?SERVICE=WFS&REQUEST=GetCapabilities`, { headers: scoped.headers() })
    ).text();
    expect(scopedCaps).toContain(layers.tianshan);
    expect(scopedCaps).not.toContain(layers.saybagh);
  });
});
