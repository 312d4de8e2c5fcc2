// GeoStyler styles as SLD 1.0.0 for GeoServer: the land-use colours, filters and Chinese titles survive,
// dash arrays become stroke-dasharray, and styles the parser would silently mangle are refused.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Style } from 'geostyler-style';
import { codeList, defaultStyle, landUseStyle } from '../../../layers';
import { SldConversionError, styleToSld } from '../../../layers/styles/sld';

// geostyler-sld-parser is an ES module, which jest on Node 20 can neither require nor transform (it leaves
// node_modules alone); the package's self-contained IIFE build of the same version stands in for it.
jest.mock('geostyler-sld-parser', () => {
  const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const bundle = readFileSync(require.resolve('geostyler-sld-parser/dist/sldStyleParser.iife.js'), 'utf8');
  return new Function(`${bundle}\nreturn GeoStylerSLDParser;`)() as unknown;
});

interface SldRule {
  Name: string;
  Title: string;
  Filter?: { PropertyIsEqualTo: { PropertyName: string; Literal: string | number } };
  PolygonSymbolizer: {
    Fill: { CssParameter: { '@_name': string; '#text': string | number }[] };
    Stroke: { CssParameter: { '@_name': string; '#text': string | number }[] };
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['Rule', 'CssParameter'].includes(name),
});

function rulesOf(sld: string): SldRule[] {
  const doc = parser.parse(sld) as {
    StyledLayerDescriptor: {
      '@_version': string;
      NamedLayer: { UserStyle: { FeatureTypeStyle: { Rule: SldRule[] } } };
    };
  };
  expect(doc.StyledLayerDescriptor['@_version']).toBe('1.0.0');
  return doc.StyledLayerDescriptor.NamedLayer.UserStyle.FeatureTypeStyle.Rule;
}

const css = (parameters: { '@_name': string; '#text': string | number }[], name: string) =>
  String(parameters.find((p) => p['@_name'] === name)?.['#text']);

describe('styleToSld', () => {
  it('writes the land-use style as SLD 1.0.0 with one filtered, coloured, titled rule per class', async () => {
    const sld = await styleToSld(landUseStyle());
    expect(XMLValidator.validate(sld)).toBe(true);
    const rules = rulesOf(sld);
    const entries = codeList('land_use_2023').entries;
    expect(rules).toHaveLength(entries.length);
    rules.forEach((rule, i) => {
      const entry = entries[i];
      expect(rule.Title).toBe(`${entry?.code} ${entry?.name}`);
      expect(rule.Filter?.PropertyIsEqualTo.PropertyName).toBe('land_use_code');
      expect(String(rule.Filter?.PropertyIsEqualTo.Literal)).toBe(entry?.code);
      expect(css(rule.PolygonSymbolizer.Fill.CssParameter, 'fill').toUpperCase()).toBe(
        entry?.color.toUpperCase(),
      );
      expect(css(rule.PolygonSymbolizer.Fill.CssParameter, 'fill-opacity')).toBe('0.75');
    });
  });

  it('keeps codes such as 0701 as text literals and Chinese names as rule titles', async () => {
    const sld = await styleToSld(landUseStyle());
    expect(sld).toMatch(
      /<ogc:PropertyIsEqualTo>\s*<ogc:PropertyName>land_use_code<\/ogc:PropertyName>\s*<ogc:Literal>0701<\/ogc:Literal>/,
    );
    expect(sld).toContain('<Title>0701 城镇住宅用地</Title>');
    expect(sld).toMatch(
      /<Rule>\s*<Name>0701 城镇住宅用地<\/Name>\s*<Title>0701 城镇住宅用地<\/Title>\s*<Filter/,
    );
    expect(sld).toContain('<CssParameter name="fill">#FFFF2D</CssParameter>');
  });

  it('turns an outline dash array into stroke-dasharray', async () => {
    const sld = await styleToSld(
      defaultStyle('城镇开发边界', '#8E44AD', { opacity: 0, outlineWidth: 3, outlineDasharray: [10, 6] }),
    );
    const [rule] = rulesOf(sld);
    expect(rule?.Title).toBe('城镇开发边界');
    expect(rule?.Filter).toBeUndefined();
    expect(css(rule?.PolygonSymbolizer.Fill.CssParameter ?? [], 'fill')).toBe('#8E44AD');
    expect(css(rule?.PolygonSymbolizer.Fill.CssParameter ?? [], 'fill-opacity')).toBe('0');
    expect(css(rule?.PolygonSymbolizer.Stroke.CssParameter ?? [], 'stroke')).toBe('#8E44AD');
    expect(css(rule?.PolygonSymbolizer.Stroke.CssParameter ?? [], 'stroke-width')).toBe('3');
    expect(css(rule?.PolygonSymbolizer.Stroke.CssParameter ?? [], 'stroke-dasharray')).toBe('10 6');
  });

  it('escapes names so the document stays well-formed', async () => {
    const sld = await styleToSld(defaultStyle('A & B <绿地>', '#2E9E44'));
    expect(XMLValidator.validate(sld)).toBe(true);
    expect(sld).toContain('<Title>A &amp; B &lt;绿地&gt;</Title>');
    expect(rulesOf(sld)[0]?.Title).toBe('A & B <绿地>');
  });

  it('refuses a style without rules, naming it', async () => {
    await expect(styleToSld({ name: '空样式', rules: [] })).rejects.toThrow(
      /样式“空样式”无法转换为SLD \/ style "空样式" cannot be converted to SLD: the style has no rules/,
    );
  });

  it('refuses a symbolizer the parser would drop, naming the rule', async () => {
    const style = { name: 's', rules: [{ name: '道路', symbolizers: [{ kind: 'Brush', color: '#000' }] }] };
    const failure = await styleToSld(style as unknown as Style).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SldConversionError);
    expect((failure as Error).message).toMatch(/rule 1 "道路" has a symbolizer of unknown kind "Brush"/);
  });

  it('refuses a malformed filter instead of writing an empty one', async () => {
    const style = {
      name: 's',
      rules: [
        {
          name: 'ok',
          filter: ['==', 'land_use_code', '0701'],
          symbolizers: [{ kind: 'Fill', color: '#fff' }],
        },
        { name: 'bad', filter: ['like', 'land_use_code'], symbolizers: [{ kind: 'Fill', color: '#fff' }] },
      ],
    };
    await expect(styleToSld(style as unknown as Style)).rejects.toThrow(
      /rule 2 "bad": unknown filter operator "like"/,
    );
  });

  it('accepts nested combinations and negations', async () => {
    const sld = await styleToSld({
      name: 's',
      rules: [
        {
          name: '居住或商业',
          filter: ['||', ['==', 'land_use_code', '0701'], ['!', ['<', 'plot_ratio', 1.5]]],
          symbolizers: [{ kind: 'Fill', color: '#FFFF2D' }],
        },
      ],
    });
    expect(sld).toContain('<ogc:Or>');
    expect(sld).toContain('<ogc:Not>');
  });
});
