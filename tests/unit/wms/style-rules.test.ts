// GeoStyler styles compile into paint rules: the default styles of the catalog (land use by code list,
// control lines, dashed boundaries), filters over property values, labels, and a plain outline for
// layers without a style.
import { defaultStyle, landUseStyle } from '../../../layers';
import { compileFilter } from '../../../spatial-api/ogc/wms/render/style-filter';
import { compileStyle, type FillPaint } from '../../../spatial-api/ogc/wms/render/style-rules';

const source = (style: unknown, geometryType = 'MultiPolygon', attributes: string[] = []) => ({
  style,
  layerName: '测试图层',
  geometryType,
  attributes,
});

describe('style rules', () => {
  it('compiles the land-use style: one filtered rule per class, on land_use_code', () => {
    const style = compileStyle(source(landUseStyle()));
    expect(style.properties).toEqual(['land_use_code']);
    expect(style.rules.length).toBeGreaterThan(30);
    const residential = style.rules.find((r) => r.name === '0701 城镇住宅用地')!;
    expect(residential.matches(['0701'])).toBe(true);
    expect(residential.matches(['0702'])).toBe(false);
    const fill = residential.symbolizers[0] as FillPaint;
    expect(fill.fill).toBe('rgba(255,255,45,0.75)');
    expect(fill.outline).toMatchObject({ color: 'rgba(102,102,102,1)', width: 0.5 });
  });

  it('compiles an outline-only dashed boundary (fill opacity 0)', () => {
    const style = compileStyle(
      source(
        defaultStyle('城镇开发边界', '#8E44AD', { opacity: 0, outlineWidth: 3, outlineDasharray: [10, 6] }),
      ),
    );
    const fill = style.rules[0]!.symbolizers[0] as FillPaint;
    expect(fill.fill).toBeNull();
    expect(fill.outline).toMatchObject({ width: 3, dash: [10, 6] });
  });

  it('gives a layer without a style a plain outline, line or circle by geometry type', () => {
    expect(compileStyle(source(null)).rules[0]!.symbolizers[0]).toMatchObject({
      kind: 'Fill',
      fill: null,
      outline: { width: 1 },
    });
    expect(compileStyle(source(null, 'LineString')).rules[0]!.symbolizers[0]).toMatchObject({ kind: 'Line' });
    expect(compileStyle(source(null, 'Point')).rules[0]!.symbolizers[0]).toMatchObject({
      kind: 'Mark',
      shape: 'circle',
    });
    expect(compileStyle(source(null)).rules[0]!.name).toBe('测试图层');
  });

  it('compiles text labels from templates, property functions and bare attribute names', () => {
    const style = compileStyle(
      source(
        {
          name: 's',
          rules: [
            {
              name: 'a',
              symbolizers: [
                { kind: 'Text', label: '{{name}}（{{code}}）', size: 14, haloColor: '#ffffff', haloWidth: 2 },
              ],
            },
            { name: 'b', symbolizers: [{ kind: 'Text', label: { name: 'property', args: ['name'] } }] },
            { name: 'c', symbolizers: [{ kind: 'Text', label: 'name' }] },
          ],
        },
        'MultiPolygon',
        ['name', 'code'],
      ),
    );
    expect(style.properties).toEqual(['name', 'code']);
    expect(style.needsLabelPoints).toBe(true);
    const [a, b, c] = style.rules.map((r) => r.symbolizers[0]!);
    const values = ['天山区', '650102'];
    expect(a!.kind === 'Text' && a!.text(values)).toBe('天山区（650102）');
    expect(a!.kind === 'Text' && a!.halo).toEqual({ color: 'rgba(255,255,255,1)', width: 2 });
    expect(a!.kind === 'Text' && a!.font).toMatch(/14px .*CJK/);
    expect(b!.kind === 'Text' && b!.text(values)).toBe('天山区');
    expect(c!.kind === 'Text' && c!.text(values)).toBe('天山区');
  });

  it('keeps scale ranges and else rules', () => {
    const style = compileStyle(
      source({
        name: 's',
        rules: [
          { name: 'near', scaleDenominator: { max: 50000 }, symbolizers: [{ kind: 'Line', color: '#000' }] },
          { name: 'rest', elseRule: true, symbolizers: [{ kind: 'Line', color: '#f00' }] },
        ],
      }),
    );
    expect(style.rules[0]).toMatchObject({ minScale: 0, maxScale: 50000, elseRule: false });
    expect(style.rules[1]!.elseRule).toBe(true);
  });
});

describe('style filters', () => {
  const names: string[] = [];
  const index = (name: string) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1);
  const values = (record: Record<string, string | null>) => names.map((n) => record[n] ?? null);

  it('compares strings, numbers and null', () => {
    const isFarmland = compileFilter(['==', 'code', '01'], index);
    const tall = compileFilter(['>=', 'height', 30], index);
    const unnamed = compileFilter(['==', 'name', null], index);
    expect(isFarmland(values({ code: '01' }))).toBe(true);
    expect(isFarmland(values({ code: '1' }))).toBe(false);
    expect(tall(values({ height: '36' }))).toBe(true);
    expect(tall(values({ height: '9' }))).toBe(false); // numerically, not as text
    expect(tall(values({ height: null }))).toBe(false);
    expect(unnamed(values({}))).toBe(true);
  });

  it('combines with &&, || and !, and reads ranges and "contains"', () => {
    const f = compileFilter(
      ['&&', ['!=', 'code', '01'], ['||', ['<=x<=', 'height', 10, 20], ['*=', 'name', '公园']]],
      index,
    );
    expect(f(values({ code: '07', height: '15', name: '' }))).toBe(true);
    expect(f(values({ code: '07', height: '25', name: '人民公园' }))).toBe(true);
    expect(f(values({ code: '07', height: '25', name: '学校' }))).toBe(false);
    expect(f(values({ code: '01', height: '15', name: '' }))).toBe(false);
  });

  it('matches everything when it cannot evaluate a filter, so features do not silently vanish', () => {
    expect(compileFilter(['==', { name: 'strLength', args: ['name'] }, 3], index)([])).toBe(true);
    expect(compileFilter(undefined, index)([])).toBe(true);
  });
});
