// GetMap draws what PostGIS holds where it is: the red line red at a red-line point, the same map for
// the same place in EPSG:4490 (latitude first), CRS:84, EPSG:3857 and a Gauss-Krüger zone; LAYERS in
// order over imagery; PNG, JPEG and WebP; transparency and background colour; TIME before any version.
import { decodeImage, fetchImage, getMapUrl, startWmsServer, type WmsServer } from './wms-server';
import { imageryBox, interiorPoint, type SamplePoint } from './sample-points';

const SIZE = 64;
const CENTRE = SIZE / 2;
const HALF_DEG = 0.0005;
const HALF_M = 40;

const isRed = ([r, g, b, a]: number[]) => r! > 180 && g! < 70 && b! < 70 && a! > 40;

describe('GetMap', () => {
  let wms: WmsServer;
  let redLine: SamplePoint;
  let parcel: SamplePoint;
  beforeAll(async () => {
    wms = await startWmsServer();
    redLine = await interiorPoint(wms.pool, 'ecological_red_line');
    parcel = await interiorPoint(wms.pool, 'land_use_plan', await imageryBox(wms.pool));
  });
  afterAll(() => wms.close());

  const latLonBox = (p: SamplePoint, half = HALF_DEG) =>
    [p.lat - half, p.lon - half, p.lat + half, p.lon + half].join(',');
  const lonLatBox = (p: SamplePoint, half = HALF_DEG) =>
    [p.lon - half, p.lat - half, p.lon + half, p.lat + half].join(',');

  async function map(params: Record<string, string | number>) {
    const res = await fetchImage(getMapUrl(wms.url, { WIDTH: SIZE, HEIGHT: SIZE, ...params }));
    expect(res.status).toBe(200);
    return { ...res, pixels: await decodeImage(res.bytes) };
  }

  it('draws the ecological red line red where a red-line polygon is', async () => {
    const { type, pixels } = await map({
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:4490',
      BBOX: latLonBox(redLine),
      TRANSPARENT: 'TRUE',
    });
    expect(type).toBe('image/png');
    expect(isRed(pixels.at(CENTRE, CENTRE))).toBe(true);
  });

  it('reads an EPSG:4490 BBOX latitude first: the same map as CRS:84 longitude first', async () => {
    const layers = 'ob:land_use_plan,ob:ecological_red_line';
    const epsg = await map({ LAYERS: layers, CRS: 'EPSG:4490', BBOX: latLonBox(parcel, 0.01), WIDTH: 128 });
    const crs84 = await map({ LAYERS: layers, CRS: 'CRS:84', BBOX: lonLatBox(parcel, 0.01), WIDTH: 128 });
    expect(epsg.pixels.colourCount()).toBeGreaterThan(10);
    expect(Buffer.from(epsg.pixels.data).equals(Buffer.from(crs84.pixels.data))).toBe(true);
  });

  it('finds nothing when an EPSG:4490 BBOX is given longitude first', async () => {
    const swapped = await map({
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:4490',
      BBOX: lonLatBox(redLine),
      TRANSPARENT: 'TRUE',
    });
    expect(swapped.pixels.opaqueCount()).toBe(0);
  });

  it('draws in Web Mercator (EPSG:3857)', async () => {
    const [x, y] = redLine.mercator;
    const { pixels } = await map({
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:3857',
      BBOX: [x - HALF_M, y - HALF_M, x + HALF_M, y + HALF_M].join(','),
      TRANSPARENT: 'TRUE',
    });
    expect(isRed(pixels.at(CENTRE, CENTRE))).toBe(true);
  });

  it('draws in a CGCS2000 Gauss-Krüger zone (EPSG:4538, northing first in WMS 1.3.0)', async () => {
    const [easting, northing] = redLine.gaussKruger;
    const { pixels } = await map({
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:4538',
      BBOX: [northing - HALF_M, easting - HALF_M, northing + HALF_M, easting + HALF_M].join(','),
      TRANSPARENT: 'TRUE',
    });
    expect(isRed(pixels.at(CENTRE, CENTRE))).toBe(true);
  });

  it('answers JPEG and WebP with their content types', async () => {
    const params = { LAYERS: 'ob:ecological_red_line', CRS: 'EPSG:4490', BBOX: latLonBox(redLine) };
    const jpeg = await map({ ...params, FORMAT: 'image/jpeg' });
    expect(jpeg.type).toBe('image/jpeg');
    expect(jpeg.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(jpeg.pixels.at(CENTRE, CENTRE)[0]).toBeGreaterThan(150);
    const webp = await map({ ...params, FORMAT: 'image/webp' });
    expect(webp.type).toBe('image/webp');
    expect(webp.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('leaves empty places transparent with TRANSPARENT=TRUE, white or BGCOLOR otherwise', async () => {
    const nowhere = { LAYERS: 'ob:land_use_plan', CRS: 'EPSG:4490', BBOX: '30,100,30.01,100.01' };
    const transparent = await map({ ...nowhere, TRANSPARENT: 'TRUE' });
    expect(transparent.pixels.opaqueCount()).toBe(0);
    const white = await map(nowhere);
    expect(white.pixels.at(5, 5)).toEqual([255, 255, 255, 255]);
    const green = await map({ ...nowhere, BGCOLOR: '0x00FF00' });
    expect(green.pixels.at(5, 5)).toEqual([0, 255, 0, 255]);
    const jpeg = await map({ ...nowhere, FORMAT: 'image/jpeg', TRANSPARENT: 'TRUE' });
    expect(jpeg.pixels.at(5, 5)[3]).toBe(255); // JPEG has no alpha: the background is filled
  });

  it('draws imagery from its COG and stacks LAYERS in order, the first at the bottom', async () => {
    const box = latLonBox(parcel);
    const imagery = await map({
      LAYERS: 'ob:imagery_2024',
      apikey: wms.apiKey, // the imagery is not public
      CRS: 'EPSG:4490',
      BBOX: box,
      TRANSPARENT: 'TRUE',
    });
    expect(imagery.pixels.opaqueCount()).toBe(SIZE * SIZE);
    expect(imagery.pixels.colourCount()).toBeGreaterThan(10);
    const imageryOnTop = await map({
      LAYERS: 'ob:land_use_plan,ob:imagery_2024',
      apikey: wms.apiKey,
      CRS: 'EPSG:4490',
      BBOX: box,
    });
    expect(Buffer.from(imageryOnTop.pixels.data).equals(Buffer.from(imagery.pixels.data))).toBe(true);
    const planOnTop = await map({
      LAYERS: 'ob:imagery_2024,ob:land_use_plan',
      apikey: wms.apiKey,
      CRS: 'EPSG:4490',
      BBOX: box,
    });
    expect(Buffer.from(planOnTop.pixels.data).equals(Buffer.from(imagery.pixels.data))).toBe(false);
  });

  it('draws the imagery outside its extent transparent', async () => {
    const { pixels } = await map({
      LAYERS: 'ob:imagery_2024',
      apikey: wms.apiKey,
      CRS: 'EPSG:4490',
      BBOX: '30,100,30.01,100.01',
      TRANSPARENT: 'TRUE',
    });
    expect(pixels.opaqueCount()).toBe(0);
  });

  it('draws the versions current at TIME: nothing before the first publication, today the current map', async () => {
    const params = {
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:4490',
      BBOX: latLonBox(redLine),
      TRANSPARENT: 'TRUE',
    };
    const before = await map({ ...params, TIME: '2000-01-01' });
    expect(before.pixels.opaqueCount()).toBe(0);
    const now = await map({ ...params, TIME: new Date(Date.now() + 60_000).toISOString() });
    const current = await map(params);
    expect(Buffer.from(now.pixels.data).equals(Buffer.from(current.pixels.data))).toBe(true);
  });

  it('accepts the layer names with or without the ob: prefix and STYLES=default', async () => {
    const a = await map({
      LAYERS: 'ecological_red_line',
      STYLES: 'default',
      CRS: 'EPSG:4490',
      BBOX: latLonBox(redLine),
    });
    const b = await map({ LAYERS: 'ob:ecological_red_line', CRS: 'EPSG:4490', BBOX: latLonBox(redLine) });
    expect(Buffer.from(a.pixels.data).equals(Buffer.from(b.pixels.data))).toBe(true);
  });

  it('answers on /ows with SERVICE=WMS as on /wms', async () => {
    const url = getMapUrl(wms.url, {
      LAYERS: 'ob:ecological_red_line',
      CRS: 'EPSG:4490',
      BBOX: latLonBox(redLine),
    }).replace('/wms?', '/ows?');
    const res = await fetchImage(url);
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/png');
  });
});
