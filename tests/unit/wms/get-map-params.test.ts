// GetMap parameters: CRS axis order in the BBOX, sizes, formats, transparency, background and TIME, each
// fault an OGC exception naming its parameter.
import type { LayerSummary } from '../../../layers';
import { Kvp } from '../../../spatial-api/ogc/kvp';
import { OgcException } from '../../../spatial-api/ogc/ogc-exception';
import { parseMapParams, parseTime } from '../../../spatial-api/ogc/wms/get-map-params';
import type { WmsLayer } from '../../../spatial-api/ogc/wms/wms-layers';

const layer = (code: string, raster = false): WmsLayer => ({
  name: `ob:${code}`,
  raster,
  summary: {
    code,
    name: code,
    kind: 'plan',
    geometryType: raster ? 'Raster' : 'MultiPolygon',
  } as LayerSummary,
});
const catalog = [layer('land_use_plan'), layer('imagery_2024', true)];

const base = {
  LAYERS: 'ob:land_use_plan',
  CRS: 'EPSG:4490',
  BBOX: '43.75,87.55,43.85,87.65',
  WIDTH: '256',
  HEIGHT: '128',
};
const parse = (params: Record<string, string>) => parseMapParams(new Kvp({ ...base, ...params }), catalog);

function fault(params: Record<string, string>): { code: string; locator: string } {
  try {
    parse(params);
  } catch (error) {
    if (error instanceof OgcException) return { code: error.code, locator: error.locator };
    throw error;
  }
  throw new Error('no exception');
}

describe('GetMap parameters', () => {
  it('reads an EPSG:4490 BBOX latitude first and CRS:84 longitude first', () => {
    expect(parse({}).bbox).toEqual([87.55, 43.75, 87.65, 43.85]);
    expect(parse({ CRS: 'CRS:84', BBOX: '87.55,43.75,87.65,43.85' }).bbox).toEqual([
      87.55, 43.75, 87.65, 43.85,
    ]);
    expect(parse({}).srid).toBe(4490);
    expect(parse({ CRS: 'EPSG:4326' }).srid).toBe(4490); // drawn from the CGCS2000 data without a datum shift
  });

  it('reads a Gauss-Krüger BBOX northing first', () => {
    const params = parse({ CRS: 'EPSG:4538', BBOX: '4840000,540000,4850000,550000' });
    expect(params.bbox).toEqual([540000, 4840000, 550000, 4850000]);
    expect(params.srid).toBe(4538);
  });

  it('reads sizes, formats and transparency', () => {
    const params = parse({ FORMAT: 'image/webp', TRANSPARENT: 'true' });
    expect([params.width, params.height]).toEqual([256, 128]);
    expect(params.format.mime).toBe('image/webp');
    expect(params.background).toBeNull();
    expect(parse({ FORMAT: 'image/png; mode=8bit' }).format.mime).toBe('image/png');
    expect(parse({ BGCOLOR: '0x336699' }).background).toEqual([0x33, 0x66, 0x99, 1]);
    expect(parse({ FORMAT: 'image/jpeg', TRANSPARENT: 'TRUE' }).background).toEqual([255, 255, 255, 1]);
    expect(
      parse({ LAYERS: 'ob:land_use_plan,imagery_2024', STYLES: ',' }).layers.map((l) => l.summary.code),
    ).toEqual(['land_use_plan', 'imagery_2024']);
  });

  it.each([
    [{ LAYERS: '' }, 'MissingParameterValue', 'LAYERS'],
    [{ LAYERS: 'ob:nope' }, 'LayerNotDefined', 'LAYERS'],
    [{ LAYERS: '{http://example.com/other}land_use_plan' }, 'LayerNotDefined', 'LAYERS'],
    [{ BBOX: '1,2,3' }, 'InvalidParameterValue', 'BBOX'],
    [{ BBOX: '43.85,87.55,43.75,87.65' }, 'InvalidParameterValue', 'BBOX'],
    [{ BBOX: '89.5,87.55,91,87.65' }, 'InvalidParameterValue', 'BBOX'], // latitude beyond the pole
    [{ WIDTH: '0' }, 'InvalidParameterValue', 'WIDTH'],
    [{ HEIGHT: '4097' }, 'InvalidParameterValue', 'HEIGHT'],
    [{ FORMAT: 'image/gif' }, 'InvalidFormat', 'FORMAT'],
    [{ CRS: 'EPSG:9999' }, 'InvalidCRS', 'CRS'],
    [{ STYLES: 'fancy' }, 'StyleNotDefined', 'STYLES'],
    [{ BGCOLOR: '#ffffff' }, 'InvalidParameterValue', 'BGCOLOR'],
    [{ TIME: '2024-13-45' }, 'InvalidParameterValue', 'TIME'],
  ])('refuses %j', (params, code, locator) => {
    expect(fault(params)).toEqual({ code, locator });
  });
});

describe('TIME', () => {
  it('reads a date as the end of that day, Beijing time', () => {
    expect(parseTime('2024-05-01')?.toISOString()).toBe('2024-05-01T15:59:59.999Z');
  });

  it('reads a date-time with or without a zone (Beijing time when none)', () => {
    expect(parseTime('2024-05-01T12:00:00Z')?.toISOString()).toBe('2024-05-01T12:00:00.000Z');
    expect(parseTime('2024-05-01T12:00')?.toISOString()).toBe('2024-05-01T04:00:00.000Z');
  });

  it('reads "current" and no TIME as the current versions', () => {
    expect(parseTime('current')).toBeNull();
    expect(parseTime(undefined)).toBeNull();
  });
});
