// Bad WMS requests are answered 400 with a WMS 1.3.0 ServiceExceptionReport naming the exception code and
// the parameter at fault, and the service keeps answering afterwards.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { fetchImage, getMapUrl, serviceException, startWmsServer, type WmsServer } from './wms-server';

const GOOD = {
  LAYERS: 'ob:land_use_plan',
  CRS: 'EPSG:4490',
  BBOX: '43.79,87.59,43.80,87.60',
  WIDTH: 64,
  HEIGHT: 64,
};

describe('bad WMS requests', () => {
  let wms: WmsServer;
  beforeAll(async () => {
    wms = await startWmsServer();
  });
  afterAll(() => wms.close());

  async function exceptionFor(url: string) {
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    return serviceException(await res.text());
  }

  const getMap = (params: Record<string, string | number>) => getMapUrl(wms.url, { ...GOOD, ...params });
  const without = (name: keyof typeof GOOD) =>
    getMapUrl(wms.url, Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== name)));

  const cases: [string, () => string, string, string][] = [
    ['missing LAYERS', () => without('LAYERS'), 'MissingParameterValue', 'LAYERS'],
    ['an unknown layer', () => getMap({ LAYERS: 'ob:no_such_layer' }), 'LayerNotDefined', 'LAYERS'],
    [
      'an unknown layer among known ones',
      () => getMap({ LAYERS: 'ob:land_use_plan,ob:nope' }),
      'LayerNotDefined',
      'LAYERS',
    ],
    ['a BBOX of three numbers', () => getMap({ BBOX: '43.79,87.59,43.80' }), 'InvalidParameterValue', 'BBOX'],
    ['a BBOX with NaN', () => getMap({ BBOX: '43.79,NaN,43.80,87.60' }), 'InvalidParameterValue', 'BBOX'],
    [
      'a BBOX with min above max',
      () => getMap({ BBOX: '43.80,87.59,43.79,87.60' }),
      'InvalidParameterValue',
      'BBOX',
    ],
    ['a BBOX beyond the poles', () => getMap({ BBOX: '91,87.59,92,87.60' }), 'InvalidParameterValue', 'BBOX'],
    ['missing BBOX', () => without('BBOX'), 'MissingParameterValue', 'BBOX'],
    ['WIDTH=0', () => getMap({ WIDTH: 0 }), 'InvalidParameterValue', 'WIDTH'],
    ['WIDTH=-5', () => getMap({ WIDTH: -5 }), 'InvalidParameterValue', 'WIDTH'],
    ['WIDTH=5000', () => getMap({ WIDTH: 5000 }), 'InvalidParameterValue', 'WIDTH'],
    ['HEIGHT=5000', () => getMap({ HEIGHT: 5000 }), 'InvalidParameterValue', 'HEIGHT'],
    ['a fractional HEIGHT', () => getMap({ HEIGHT: '12.5' }), 'InvalidParameterValue', 'HEIGHT'],
    ['FORMAT=image/gif', () => getMap({ FORMAT: 'image/gif' }), 'InvalidFormat', 'FORMAT'],
    ['CRS=EPSG:9999', () => getMap({ CRS: 'EPSG:9999' }), 'InvalidCRS', 'CRS'],
    ['missing CRS', () => without('CRS'), 'MissingParameterValue', 'CRS'],
    ['an unknown style', () => getMap({ STYLES: 'fancy' }), 'StyleNotDefined', 'STYLES'],
    [
      'more STYLES than LAYERS',
      () => getMap({ STYLES: 'default,default' }),
      'InvalidParameterValue',
      'STYLES',
    ],
    ['TRANSPARENT=maybe', () => getMap({ TRANSPARENT: 'maybe' }), 'InvalidParameterValue', 'TRANSPARENT'],
    ['BGCOLOR=red', () => getMap({ BGCOLOR: 'red' }), 'InvalidParameterValue', 'BGCOLOR'],
    ['TIME=yesterday', () => getMap({ TIME: 'yesterday' }), 'InvalidParameterValue', 'TIME'],
    [
      'GetMap without VERSION',
      () => getMap({}).replace('VERSION=1.3.0&', ''),
      'MissingParameterValue',
      'VERSION',
    ],
    ['VERSION=1.1.1', () => getMap({ VERSION: '1.1.1' }), 'InvalidParameterValue', 'VERSION'],
    ['an unknown operation', () => getMap({ REQUEST: 'GetPrint' }), 'OperationNotSupported', 'REQUEST'],
    [
      'GetFeatureInfo with I outside the map',
      () =>
        getMap({
          REQUEST: 'GetFeatureInfo',
          QUERY_LAYERS: 'ob:land_use_plan',
          I: 64,
          J: 10,
          INFO_FORMAT: 'application/json',
        }),
      'InvalidPoint',
      'I',
    ],
    [
      'GetFeatureInfo with a negative J',
      () =>
        getMap({
          REQUEST: 'GetFeatureInfo',
          QUERY_LAYERS: 'ob:land_use_plan',
          I: 3,
          J: -1,
          INFO_FORMAT: 'application/json',
        }),
      'InvalidPoint',
      'J',
    ],
    [
      'GetFeatureInfo on imagery',
      () =>
        getMap({
          REQUEST: 'GetFeatureInfo',
          LAYERS: 'ob:imagery_2024',
          QUERY_LAYERS: 'ob:imagery_2024',
          apikey: wms.apiKey, // the imagery is not public
          I: 3,
          J: 3,
        }),
      'LayerNotQueryable',
      'QUERY_LAYERS',
    ],
    [
      'GetFeatureInfo without QUERY_LAYERS',
      () => getMap({ REQUEST: 'GetFeatureInfo', I: 3, J: 3 }),
      'MissingParameterValue',
      'QUERY_LAYERS',
    ],
    [
      'GetFeatureInfo with INFO_FORMAT=text/csv',
      () =>
        getMap({
          REQUEST: 'GetFeatureInfo',
          QUERY_LAYERS: 'ob:land_use_plan',
          I: 3,
          J: 3,
          INFO_FORMAT: 'text/csv',
        }),
      'InvalidFormat',
      'INFO_FORMAT',
    ],
    [
      'GetLegendGraphic of an unknown layer',
      () =>
        `${wms.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=ob:nope&FORMAT=image/png`,
      'LayerNotDefined',
      'LAYER',
    ],
    [
      'GetLegendGraphic with an unknown style',
      () =>
        `${wms.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=ob:land_use_plan&STYLE=fancy`,
      'StyleNotDefined',
      'STYLE',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, url, code, locator) => {
    expect(await exceptionFor(url())).toEqual({ code, locator });
  });

  it('names the fault in Chinese and English', async () => {
    const res = await fetch(getMap({ WIDTH: 5000 }));
    const text = await res.text();
    expect(text).toContain('WIDTH');
    expect(text).toMatch(/4096/);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  describe('as an image (EXCEPTIONS)', () => {
    async function pixels(png: Buffer) {
      const image = await loadImage(png);
      const canvas = createCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return {
        width: image.width,
        height: image.height,
        data: context.getImageData(0, 0, image.width, image.height).data,
      };
    }

    it('writes the message into a picture of the asked size with INIMAGE', async () => {
      const res = await fetchImage(
        getMap({ CRS: 'EPSG:9999', EXCEPTIONS: 'INIMAGE', WIDTH: 300, HEIGHT: 120 }),
      );
      expect([res.status, res.type]).toEqual([200, 'image/png']);
      const { width, height, data } = await pixels(res.bytes);
      expect([width, height]).toEqual([300, 120]);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 1]! < 128 && data[i + 3]! > 0) dark++;
      expect(dark).toBeGreaterThan(100); // the text
    });

    it('answers an empty transparent picture with BLANK, in the asked format', async () => {
      const png = await fetchImage(getMap({ LAYERS: 'ob:nope', EXCEPTIONS: 'BLANK', TRANSPARENT: 'TRUE' }));
      expect([png.status, png.type]).toEqual([200, 'image/png']);
      const { data } = await pixels(png.bytes);
      expect(data.every((v, i) => i % 4 !== 3 || v === 0)).toBe(true);
      const jpeg = await fetchImage(getMap({ LAYERS: 'ob:nope', EXCEPTIONS: 'BLANK', FORMAT: 'image/jpeg' }));
      expect([jpeg.status, jpeg.type]).toEqual([200, 'image/jpeg']);
    });

    it('keeps the XML report for EXCEPTIONS=XML and for other operations', async () => {
      expect(await exceptionFor(getMap({ LAYERS: 'ob:nope', EXCEPTIONS: 'XML' }))).toEqual({
        code: 'LayerNotDefined',
        locator: 'LAYERS',
      });
      const info = `${wms.url}/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&EXCEPTIONS=INIMAGE`;
      expect((await exceptionFor(info)).code).toBe('MissingParameterValue');
    });
  });

  it('keeps serving maps after all that', async () => {
    const res = await fetchImage(getMap({}));
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/png');
  });
});
