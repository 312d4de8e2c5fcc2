// WFS 2.0 read by a real client (GDAL's ogrinfo and ogr2ogr), and by hand: paging, hits, sorting,
// property selection, CRS and axis order, GeoJSON and GML, filters, and bad requests.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useTestServer } from '../../support/test-server';
import { workDir } from '../../support/import-fixtures';

// GDAL runs as a child process against this same process's server: it must not block the event loop.
const run = promisify(execFile);

const server = useTestServer();
const { pool } = server;

const wfs = (query: string) => fetch(`${server.url}/ows?SERVICE=WFS&VERSION=2.0.0&${query}`);

async function exception(res: Response): Promise<{ code?: string; locator?: string }> {
  const text = await res.text();
  return { code: text.match(/exceptionCode="([^"]+)"/)?.[1], locator: text.match(/locator="([^"]*)"/)?.[1] };
}

describe('WFS 2.0 through GDAL', () => {
  it('ogrinfo lists the published layers', async () => {
    const { stdout: out } = await run('ogrinfo', ['-ro', '-so', `WFS:${server.url}/ows`]);
    for (const name of [
      'ob:land_use_plan',
      'ob:districts',
      'ob:ecological_red_line',
      'ob:permanent_basic_farmland',
    ]) {
      expect(out).toContain(name);
    }
    expect(out).not.toContain('imagery_2024');
  });

  it('ogr2ogr copies a layer out with the same features and attributes', async () => {
    const out = path.join(workDir('wfs-'), 'districts.geojson');
    await run('ogr2ogr', ['-f', 'GeoJSON', out, `WFS:${server.url}/ows`, 'ob:districts']);
    const copied = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][][] } }[];
    };
    const { rows } = await pool.query<{ name: string; admin_code: string }>(
      `SELECT f.properties->>'name' AS name, f.properties->>'admin_code' AS admin_code
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = 'districts' ORDER BY 2`,
    );
    expect(copied.features).toHaveLength(rows.length);
    expect(copied.features.map((f) => f.properties.name).sort()).toEqual(rows.map((r) => r.name).sort());
    const [lon, lat] = copied.features[0]!.geometry.coordinates[0]![0]![0]!;
    expect(lon).toBeGreaterThan(87);
    expect(lon).toBeLessThan(88.2);
    expect(lat).toBeGreaterThan(43.3);
  });

  it('ogr2ogr pages through a large layer (2,000 farmland fields)', async () => {
    const out = path.join(workDir('wfs-'), 'farmland.geojson');
    await run('ogr2ogr', [
      '-f',
      'GeoJSON',
      out,
      `WFS:${server.url}/ows`,
      'ob:permanent_basic_farmland',
      '--config',
      'OGR_WFS_PAGE_SIZE',
      '500',
      '--config',
      'OGR_WFS_PAGING_ALLOWED',
      'ON',
    ]);
    const copied = JSON.parse(readFileSync(out, 'utf8')) as { features: unknown[] };
    expect(copied.features).toHaveLength(2000);
  });
});

describe('WFS 2.0 GetFeature', () => {
  it('answers hits with the count only', async () => {
    const text = await (
      await wfs('REQUEST=GetFeature&TYPENAMES=ob:permanent_basic_farmland&RESULTTYPE=hits')
    ).text();
    expect(text).toMatch(/numberMatched="2000" numberReturned="0"/);
  });

  it('pages, sorts and selects properties in GeoJSON', async () => {
    const page = (start: number) =>
      wfs(
        `REQUEST=GetFeature&TYPENAMES=ob:permanent_basic_farmland&OUTPUTFORMAT=application/json&COUNT=10&STARTINDEX=${start}&SORTBY=quality_grade DESC,farmland_code ASC&PROPERTYNAME=farmland_code,quality_grade`,
      ).then(
        (r) =>
          r.json() as Promise<{
            numberMatched: number;
            numberReturned: number;
            features: { properties: Record<string, unknown> }[];
          }>,
      );
    const first = await page(0);
    const second = await page(10);
    expect(first.numberMatched).toBe(2000);
    expect(first.numberReturned).toBe(10);
    expect(Object.keys(first.features[0]!.properties).sort()).toEqual(['farmland_code', 'quality_grade']);
    const grades = [...first.features, ...second.features].map((f) => Number(f.properties.quality_grade));
    expect(grades).toEqual([...grades].sort((a, b) => b - a));
    const codes = new Set([...first.features, ...second.features].map((f) => f.properties.farmland_code));
    expect(codes.size).toBe(20);
  });

  it('writes GML 3.2 with latitude first for urn EPSG::4490 and longitude first for EPSG:4490', async () => {
    const urn = await (await wfs('REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1')).text();
    expect(urn).toContain('srsName="urn:ogc:def:crs:EPSG::4490"');
    const firstPair = (xml: string) =>
      xml
        .match(/<gml:posList[^>]*>([-\d.]+) ([-\d.]+)/)!
        .slice(1, 3)
        .map(Number);
    const [a, b] = firstPair(urn);
    expect(a).toBeLessThan(50); // latitude
    expect(b).toBeGreaterThan(80); // longitude
    const short = await (
      await wfs('REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1&SRSNAME=EPSG:4490')
    ).text();
    expect(firstPair(short)).toEqual([b, a]);
    const gk = await (
      await wfs('REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1&SRSNAME=EPSG:4538')
    ).text();
    const [easting, northing] = firstPair(gk);
    expect(easting).toBeGreaterThan(300_000);
    expect(easting).toBeLessThan(800_000);
    expect(northing).toBeGreaterThan(4_700_000);
  });

  it.each(['urn:ogc:def:crs:OGC:1.3:CRS84', 'CRS:84'])(
    'answers SRSNAME=%s longitude first under that name, and takes it in BBOX',
    async (name) => {
      const xml = await (
        await wfs(`REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1&SRSNAME=${encodeURIComponent(name)}`)
      ).text();
      expect(xml).toContain(`srsName="${name}"`);
      const [lon, lat] = xml
        .match(/<gml:posList[^>]*>([-\d.]+) ([-\d.]+)/)!
        .slice(1, 3)
        .map(Number) as [number, number];
      expect(lon).toBeGreaterThan(80);
      expect(lat).toBeLessThan(50);
      const hits = async (bbox: string) =>
        Number(
          (
            await (
              await wfs(
                `REQUEST=GetFeature&TYPENAMES=ob:districts&RESULTTYPE=hits&BBOX=${encodeURIComponent(bbox)}`,
              )
            ).text()
          ).match(/numberMatched="(\d+)"/)![1],
        );
      const around = `${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01},${name}`;
      expect(await hits(around)).toBeGreaterThan(0);
      // the same numbers read latitude first lie in the Indian Ocean
      expect(await hits(`${lat - 0.01},${lon - 0.01},${lat + 0.01},${lon + 0.01},${name}`)).toBe(0);
    },
  );

  it('lists CRS84 among the CRSs of every feature type', async () => {
    const caps = await (await wfs('REQUEST=GetCapabilities')).text();
    const types = caps.match(/<FeatureType>/g)!.length;
    expect(caps.match(/<OtherCRS>urn:ogc:def:crs:OGC:1\.3:CRS84<\/OtherCRS>/g)).toHaveLength(types);
  });

  it('filters by BBOX (latitude first in the default CRS)', async () => {
    const all = (
      await (await wfs('REQUEST=GetFeature&TYPENAMES=ob:land_use_plan&RESULTTYPE=hits')).text()
    ).match(/numberMatched="(\d+)"/)![1];
    const some = (
      await (
        await wfs(
          'REQUEST=GetFeature&TYPENAMES=ob:land_use_plan&RESULTTYPE=hits&BBOX=43.79,87.58,43.81,87.61',
        )
      ).text()
    ).match(/numberMatched="(\d+)"/)![1];
    expect(Number(some)).toBeGreaterThan(0);
    expect(Number(some)).toBeLessThan(Number(all));
    const lonFirst = (
      await (
        await wfs(
          'REQUEST=GetFeature&TYPENAMES=ob:land_use_plan&RESULTTYPE=hits&BBOX=87.58,43.79,87.61,43.81,EPSG:4490',
        )
      ).text()
    ).match(/numberMatched="(\d+)"/)![1];
    expect(lonFirst).toBe(some);
  });

  it('filters with FES 2.0', async () => {
    const filter = encodeURIComponent(
      '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>land_use_code</fes:ValueReference><fes:Literal>0701</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>',
    );
    const res = await wfs(
      `REQUEST=GetFeature&TYPENAMES=ob:land_use_plan&OUTPUTFORMAT=application/json&COUNT=50&FILTER=${filter}`,
    );
    const body = (await res.json()) as { features: { properties: { land_use_code: string } }[] };
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features.every((f) => f.properties.land_use_code === '0701')).toBe(true);
  });

  it('describes feature types as an XML schema', async () => {
    const xsd = await (await wfs('REQUEST=DescribeFeatureType&TYPENAMES=ob:permanent_basic_farmland')).text();
    expect(xsd).toContain('<xsd:element name="quality_grade" type="xsd:long"');
    expect(xsd).toContain('gml:MultiSurfacePropertyType');
  });
});

describe('WFS bad requests', () => {
  it.each([
    ['', 'MissingParameterValue', 'REQUEST'],
    ['REQUEST=GetFeature', 'MissingParameterValue', 'TYPENAMES'],
    ['REQUEST=GetFeature&TYPENAMES=ob:nothing', 'InvalidParameterValue', 'TYPENAMES'],
    ['REQUEST=Transaction', 'OperationNotSupported', 'REQUEST'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1e9', 'InvalidParameterValue', 'COUNT'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&COUNT=1000000000', 'InvalidParameterValue', 'COUNT'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&BBOX=1,2,3', 'InvalidParameterValue', 'BBOX'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&BBOX=44,88,43,87', 'InvalidParameterValue', 'BBOX'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&BBOX=a,b,c,d', 'InvalidParameterValue', 'BBOX'],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&SRSNAME=EPSG:9999', 'InvalidParameterValue', 'SRSNAME'],
    [
      'REQUEST=GetFeature&TYPENAMES=ob:districts&OUTPUTFORMAT=shapefile',
      'InvalidParameterValue',
      'OUTPUTFORMAT',
    ],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&SORTBY=nothing', 'InvalidParameterValue', 'SORTBY'],
    [
      'REQUEST=GetFeature&TYPENAMES=ob:districts&PROPERTYNAME=name;DROP',
      'InvalidParameterValue',
      'PROPERTYNAME',
    ],
    ['REQUEST=GetFeature&TYPENAMES=ob:districts&FILTER=<fes:Filter', 'InvalidParameterValue', 'FILTER'],
  ])('%s → %s at %s', async (query, code, locator) => {
    const res = await wfs(query);
    expect(res.status).toBe(400);
    expect(await exception(res)).toEqual({ code, locator });
  });

  it('refuses a filter with an entity (XXE) or naming an unknown property, and keeps serving', async () => {
    const xxe = encodeURIComponent(
      '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]><fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>&x;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>',
    );
    const res = await wfs(`REQUEST=GetFeature&TYPENAMES=ob:districts&FILTER=${xxe}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('root:');
    const unknown = encodeURIComponent(
      '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>name\'; DROP TABLE layers; --</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>',
    );
    expect(await exception(await wfs(`REQUEST=GetFeature&TYPENAMES=ob:districts&FILTER=${unknown}`))).toEqual(
      { code: 'InvalidParameterValue', locator: 'FILTER' },
    );
    const sqlInLiteral = encodeURIComponent(
      '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>x\'; DROP TABLE layers; --</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>',
    );
    const literal = await wfs(
      `REQUEST=GetFeature&TYPENAMES=ob:districts&RESULTTYPE=hits&FILTER=${sqlInLiteral}`,
    );
    expect(await literal.text()).toMatch(/numberMatched="0"/);
    expect((await pool.query('SELECT count(*) FROM layers')).rows).toHaveLength(1);
    expect((await wfs('REQUEST=GetCapabilities')).status).toBe(200);
  });
});
