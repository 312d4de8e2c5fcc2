// GetFeatureInfo finds the parcel under a clicked pixel: GeoJSON with its stored properties, an HTML
// table with the Chinese labels of the attribute schema, and GML 3.2 with latitude-first coordinates.
import { XMLParser } from 'fast-xml-parser';
import { startWmsServer, type WmsServer } from './wms-server';
import { imageryBox, interiorPoint, pointBesideEdge, type SamplePoint } from './sample-points';

const SIZE = 101;
const HALF_DEG = 0.0004;

describe('GetFeatureInfo', () => {
  let wms: WmsServer;
  let parcel: SamplePoint;
  beforeAll(async () => {
    wms = await startWmsServer();
    parcel = await interiorPoint(wms.pool, 'land_use_plan', await imageryBox(wms.pool));
  });
  afterAll(() => wms.close());

  /** A map centred on the parcel's interior point, clicked at its centre pixel. */
  function infoUrl(
    params: Record<string, string | number>,
    crs: 'EPSG:4490' | 'EPSG:3857' = 'EPSG:4490',
  ): string {
    const [x, y] = parcel.mercator;
    const bbox =
      crs === 'EPSG:4490'
        ? [parcel.lat - HALF_DEG, parcel.lon - HALF_DEG, parcel.lat + HALF_DEG, parcel.lon + HALF_DEG]
        : [x - 40, y - 40, x + 40, y + 40];
    const query = new URLSearchParams({
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetFeatureInfo',
      LAYERS: 'ob:land_use_plan',
      QUERY_LAYERS: 'ob:land_use_plan',
      STYLES: '',
      CRS: crs,
      BBOX: bbox.join(','),
      WIDTH: String(SIZE),
      HEIGHT: String(SIZE),
      I: String((SIZE - 1) / 2),
      J: String((SIZE - 1) / 2),
      ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    });
    return `${wms.url}/wms?${query.toString()}`;
  }

  it('answers GeoJSON with the parcel code of the parcel under the pixel', async () => {
    const res = await fetch(infoUrl({ INFO_FORMAT: 'application/json' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      type: string;
      features: { id: string; properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(1);
    expect(body.features[0]!.properties.parcel_code).toBe(parcel.properties.parcel_code);
    expect(body.features[0]!.properties.land_use_name).toMatch(/[\u4e00-\u9fff]/);
    expect(body.features[0]!.geometry.type).toMatch(/Polygon/);
  });

  it('finds the same parcel from a Web Mercator map', async () => {
    const res = await fetch(infoUrl({ INFO_FORMAT: 'application/json' }, 'EPSG:3857'));
    const body = (await res.json()) as { features: { properties: Record<string, unknown> }[] };
    expect(body.features[0]?.properties.parcel_code).toBe(parcel.properties.parcel_code);
  });

  it('returns up to FEATURE_COUNT features, nearest first', async () => {
    // a click half a metre inside a parcel, beside the edge it shares with its neighbour: both are hit
    const edge = await pointBesideEdge(wms.pool, 'land_use_plan', await imageryBox(wms.pool));
    const clickUrl = (count: number) => {
      const query = new URLSearchParams({
        SERVICE: 'WMS',
        VERSION: '1.3.0',
        REQUEST: 'GetFeatureInfo',
        LAYERS: 'ob:land_use_plan',
        QUERY_LAYERS: 'ob:land_use_plan',
        STYLES: '',
        CRS: 'EPSG:4490',
        BBOX: [edge.lat - HALF_DEG, edge.lon - HALF_DEG, edge.lat + HALF_DEG, edge.lon + HALF_DEG].join(','),
        WIDTH: String(SIZE),
        HEIGHT: String(SIZE),
        I: String((SIZE - 1) / 2),
        J: String((SIZE - 1) / 2),
        INFO_FORMAT: 'application/json',
        FEATURE_COUNT: String(count),
      });
      return `${wms.url}/wms?${query.toString()}`;
    };
    const keysOf = async (count: number) => {
      const body = (await (await fetch(clickUrl(count))).json()) as { features: { id: string }[] };
      return body.features.map((f) => f.id.replace(/^land_use_plan\./, ''));
    };

    const keys = await keysOf(5);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.length).toBeLessThanOrEqual(5);
    expect(keys.slice(0, 2)).toEqual([edge.insideKey, edge.neighbourKey]);
    // the distances PostGIS measures from the click to each answer never decrease
    const { rows } = await wms.pool.query<{ key: string; distance: number }>(
      `SELECT f.feature_key AS key, ST_Distance(f.geom, ST_SetSRID(ST_MakePoint($2, $3), 4490)) AS distance
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
       WHERE l.code = 'land_use_plan' AND f.feature_key = ANY($1)`,
      [keys, edge.lon, edge.lat],
    );
    const distance = new Map(rows.map((r) => [r.key, r.distance]));
    const distances = keys.map((k) => distance.get(k)!);
    expect(distances[0]).toBe(0);
    expect(distances[1]).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // FEATURE_COUNT=1 keeps only the nearest
    expect(await keysOf(1)).toEqual([edge.insideKey]);
  });

  it('answers an HTML table with the Chinese labels and units of the schema', async () => {
    const res = await fetch(infoUrl({ INFO_FORMAT: 'text/html' }));
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<th>地块编码</th>');
    expect(html).toContain('<th>用地代码</th>');
    expect(html).toContain(`<td>${String(parcel.properties.parcel_code)}</td>`);
    expect(html).toContain('控制性详细规划用地');
  });

  it('answers GML 3.2 with the properties and a latitude-first geometry', async () => {
    const res = await fetch(infoUrl({ INFO_FORMAT: 'application/gml+xml; version=3.2' }));
    expect(res.status).toBe(200);
    const xml = await res.text();
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as Record<
      string,
      Record<string, unknown>
    >;
    const collection = doc['wfs:FeatureCollection']!;
    expect(collection['@_numberReturned']).toBe('1');
    expect(xml).toContain(`<ob:parcel_code>${String(parcel.properties.parcel_code)}</ob:parcel_code>`);
    expect(xml).toContain('srsName="urn:ogc:def:crs:EPSG::4490"');
    const firstPair = xml.match(/<gml:posList[^>]*>([\d.]+) ([\d.]+)/);
    expect(Number(firstPair?.[1])).toBeCloseTo(parcel.lat, 1); // latitude first
    expect(Number(firstPair?.[2])).toBeCloseTo(parcel.lon, 1);
    const ids = [...xml.matchAll(/gml:id="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers an empty collection where there is nothing', async () => {
    const query = new URLSearchParams({
      SERVICE: 'WMS',
      VERSION: '1.3.0',
      REQUEST: 'GetFeatureInfo',
      LAYERS: 'ob:land_use_plan',
      QUERY_LAYERS: 'ob:land_use_plan',
      CRS: 'EPSG:4490',
      BBOX: '30,100,30.01,100.01',
      WIDTH: '10',
      HEIGHT: '10',
      I: '5',
      J: '5',
      INFO_FORMAT: 'application/json',
    });
    const body = (await (await fetch(`${wms.url}/wms?${query.toString()}`)).json()) as {
      features: unknown[];
    };
    expect(body.features).toEqual([]);
  });
});
