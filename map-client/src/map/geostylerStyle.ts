// Turns a layer's GeoStyler style into an OpenLayers style with geostyler-openlayers-parser. A style
// that cannot be converted falls back to a plain outline: a bad style must never break the map.
import OpenLayersParser from 'geostyler-openlayers-parser';
import type { Filter, Style as GeoStylerStyle } from 'geostyler-style';
import type { FeatureLike } from 'ol/Feature.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style, { type StyleFunction, type StyleLike } from 'ol/style/Style.js';

const parser = new OpenLayersParser();

// geostyler-openlayers-parser 5.7 is typed against geostyler-style 11, the catalog's styles against 12;
// the rule, symbolizer and filter shapes used here are the same in both, so the types are bridged here.
type ParserStyle = Parameters<OpenLayersParser['writeStyle']>[0];
type ParserFilter = Parameters<OpenLayersParser['geoStylerFilterToOlParserFilter']>[1];

export const FALLBACK_STYLE = new Style({
  stroke: new Stroke({ color: '#2f5d9e', width: 1.2 }),
  // A faint fill keeps polygons clickable inside, not only on their outline.
  fill: new Fill({ color: 'rgba(47, 93, 158, 0.06)' }),
});

interface CompiledRule {
  filter: Filter | undefined;
  elseRule: boolean;
  styles: Style[];
}

function asStyleArray(output: unknown): Style[] | null {
  if (output instanceof Style) return [output];
  if (Array.isArray(output) && output.every((s) => s instanceof Style)) return output as Style[];
  return null;
}

async function writeStyle(style: GeoStylerStyle): Promise<unknown> {
  const result = await parser.writeStyle(style as unknown as ParserStyle);
  if (result.errors?.length) throw result.errors[0];
  if (result.output === undefined) throw new Error(`style "${style.name}" produced no output`);
  return result.output;
}

/**
 * The parser's own style function builds new OpenLayers styles for every feature on every render, which
 * is slow for thousands of parcels in vector tiles. When every rule converts to fixed styles (no scale
 * limits, no expressions), each rule is converted once and only its filter is evaluated per feature,
 * with the parser's filter logic. Returns null when the style needs the parser's full function.
 */
async function compileRulewise(style: GeoStylerStyle): Promise<StyleFunction | null> {
  const compiled: CompiledRule[] = [];
  for (const rule of style.rules) {
    if (rule.scaleDenominator) return null;
    const output = await writeStyle({
      name: style.name,
      rules: [{ name: rule.name, symbolizers: rule.symbolizers }],
    });
    const styles = asStyleArray(output);
    if (!styles) return null;
    compiled.push({ filter: rule.filter, elseRule: rule.elseRule === true, styles });
  }
  return (feature: FeatureLike) => {
    const styles: Style[] = [];
    let matched = false;
    for (const rule of compiled) {
      if (rule.elseRule) {
        if (!matched) styles.push(...rule.styles);
      } else if (rule.filter === undefined || matchesFilter(feature, rule.filter)) {
        matched = true;
        styles.push(...rule.styles);
      }
    }
    return styles;
  };
}

function matchesFilter(feature: FeatureLike, filter: Filter): boolean {
  try {
    return parser.geoStylerFilterToOlParserFilter(feature, filter as unknown as ParserFilter);
  } catch {
    return false;
  }
}

export async function toOlStyle(style: GeoStylerStyle | null, layerCode: string): Promise<StyleLike> {
  if (!style || !Array.isArray(style.rules) || style.rules.length === 0) return FALLBACK_STYLE;
  try {
    const rulewise = await compileRulewise(style);
    if (rulewise) return rulewise;
    return (await writeStyle(style)) as StyleLike;
  } catch (error) {
    console.warn(`Style of layer ${layerCode} could not be converted; using the fallback outline.`, error);
    return FALLBACK_STYLE;
  }
}
