// A layer's GeoStyler style (layers.style) compiled into what the painter draws: rules with filter
// predicates and scale ranges, and the subset of symbolizers supported (Fill, Line, Mark, Text).
import { cssColor, parseColor, type Rgba } from './colors';
import { cjkFontFamily } from './fonts';
import { compileFilter, propertyOperand, type ValuePredicate } from './style-filter';

export interface StrokeSpec {
  color: string;
  width: number;
  dash: number[] | null;
  cap: CanvasLineCap;
  join: CanvasLineJoin;
}

export interface FillPaint {
  kind: 'Fill';
  fill: string | null;
  /** the fill as numbers, opacity applied, for features smaller than a pixel */
  fillRgba: Rgba | null;
  outline: StrokeSpec | null;
}

export interface LinePaint {
  kind: 'Line';
  stroke: StrokeSpec;
}

export interface MarkPaint {
  kind: 'Mark';
  shape: string;
  radius: number;
  fill: string | null;
  stroke: StrokeSpec | null;
  rotateDeg: number;
}

export interface TextPaint {
  kind: 'Text';
  text: (values: readonly (string | null)[]) => string;
  font: string;
  color: string;
  halo: { color: string; width: number } | null;
  offset: [number, number];
  allowOverlap: boolean;
}

export type PaintSymbolizer = FillPaint | LinePaint | MarkPaint | TextPaint;

export interface PaintRule {
  name: string;
  matches: ValuePredicate;
  elseRule: boolean;
  /** scale denominator range: min inclusive, max exclusive */
  minScale: number;
  maxScale: number;
  symbolizers: PaintSymbolizer[];
}

export interface PaintStyle {
  name: string;
  rules: PaintRule[];
  /** the feature properties filters and labels read, in the order values are passed */
  properties: string[];
  /** the properties rule filters read (a subset of `properties`): what decides a feature's paint */
  filterProperties: string[];
  /** whether any rule places a label or a mark at a polygon's or line's representative point */
  needsLabelPoints: boolean;
}

type Json = Record<string, unknown>;

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

function dashOf(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const dash = value.filter((d): d is number => typeof d === 'number' && Number.isFinite(d) && d >= 0);
  return dash.length > 0 && dash.some((d) => d > 0) ? dash : null;
}

function strokeOf(
  color: unknown,
  opacity: number,
  width: unknown,
  dash: unknown,
  s: Json,
): StrokeSpec | null {
  const rgba = parseColor(color);
  const w = num(width, 1);
  if (!rgba || w <= 0 || opacity <= 0) return null;
  const cap = s.cap ?? s.outlineCap;
  const join = s.join ?? s.outlineJoin;
  return {
    color: cssColor(rgba, opacity),
    width: w,
    dash: dashOf(dash),
    cap: cap === 'round' || cap === 'square' ? cap : 'butt',
    join: join === 'round' || join === 'bevel' ? join : 'miter',
  };
}

function compileSymbolizer(
  s: Json,
  propertyIndex: (name: string) => number,
  attributes: string[],
): PaintSymbolizer | null {
  const opacity = num(s.opacity, 1);
  switch (s.kind) {
    case 'Fill': {
      const color = parseColor(s.color);
      const fillOpacity = num(s.fillOpacity, opacity);
      return {
        kind: 'Fill',
        fill: color && fillOpacity > 0 ? cssColor(color, fillOpacity) : null,
        fillRgba:
          color && fillOpacity > 0
            ? [color[0], color[1], color[2], Math.min(1, color[3] * fillOpacity)]
            : null,
        outline: strokeOf(
          s.outlineColor,
          num(s.outlineOpacity, opacity),
          s.outlineWidth,
          s.outlineDasharray,
          s,
        ),
      };
    }
    case 'Line': {
      const stroke = strokeOf(s.color ?? '#000000', opacity, s.width, s.dasharray, s);
      return stroke ? { kind: 'Line', stroke } : null;
    }
    case 'Mark': {
      const color = parseColor(s.color);
      return {
        kind: 'Mark',
        shape: typeof s.wellKnownName === 'string' ? s.wellKnownName.toLowerCase() : 'circle',
        radius: num(s.radius, 5),
        fill: color ? cssColor(color, num(s.fillOpacity, opacity)) : null,
        stroke: strokeOf(s.strokeColor, num(s.strokeOpacity, opacity), s.strokeWidth, s.strokeDasharray, s),
        rotateDeg: num(s.rotate, 0),
      };
    }
    case 'Text': {
      const text = compileLabel(s.label, propertyIndex, attributes);
      if (!text) return null;
      const size = num(s.size, 12);
      const families = Array.isArray(s.font) ? s.font.filter((f): f is string => typeof f === 'string') : [];
      const weight = s.fontWeight === 'bold' ? 'bold' : 'normal';
      const style = s.fontStyle === 'italic' || s.fontStyle === 'oblique' ? 'italic' : 'normal';
      const halo = parseColor(s.haloColor);
      const offset = Array.isArray(s.offset) ? s.offset : [];
      return {
        kind: 'Text',
        text,
        font: `${style} ${weight} ${size}px ${[...families.map((f) => `"${f}"`), cjkFontFamily()].join(', ')}`,
        color: cssColor(parseColor(s.color) ?? [0, 0, 0, 1], opacity),
        halo:
          halo && num(s.haloWidth, 0) > 0
            ? { color: cssColor(halo, num(s.haloOpacity, 1)), width: num(s.haloWidth, 0) }
            : null,
        offset: [num(offset[0], 0), num(offset[1], 0)],
        allowOverlap: s.allowOverlap === true,
      };
    }
    default:
      return null; // Icon and Raster symbolizers are not drawn by the built-in renderer
  }
}

/** A label: a template with {{property}} placeholders, a property function, or a bare attribute name. */
function compileLabel(
  label: unknown,
  propertyIndex: (name: string) => number,
  attributes: string[],
): TextPaint['text'] | null {
  const property = typeof label === 'object' ? propertyOperand(label) : undefined;
  if (property !== undefined) {
    const i = propertyIndex(property);
    return (v) => v[i] ?? '';
  }
  if (typeof label !== 'string' || label === '') return null;
  if (!label.includes('{{') && attributes.includes(label)) {
    const i = propertyIndex(label);
    return (v) => v[i] ?? '';
  }
  const parts = label.split(/\{\{\s*([^}]+?)\s*\}\}/);
  const compiled = parts.map((part, n) => (n % 2 === 1 ? propertyIndex(part) : part));
  return (v) => compiled.map((p) => (typeof p === 'number' ? (v[p] ?? '') : p)).join('');
}

/** The style of a layer without one: a plain outline (polygons), a line, or a small circle (points). */
function plainStyle(name: string, geometryType: string): Json {
  const outline = '#3C64B4';
  const symbolizer = /Polygon/i.test(geometryType)
    ? { kind: 'Fill', outlineColor: outline, outlineWidth: 1 }
    : /Line/i.test(geometryType)
      ? { kind: 'Line', color: outline, width: 1.5 }
      : {
          kind: 'Mark',
          wellKnownName: 'circle',
          radius: 4,
          color: '#FFFFFF',
          strokeColor: outline,
          strokeWidth: 1.5,
        };
  return { name, rules: [{ name, symbolizers: [symbolizer] }] };
}

export interface StyleSource {
  style: unknown;
  /** Chinese layer name, the title of a plain style */
  layerName: string;
  geometryType: string;
  /** attribute names of the layer, so a bare attribute name can serve as a label */
  attributes: string[];
}

export function compileStyle(source: StyleSource): PaintStyle {
  const raw =
    source.style && typeof source.style === 'object' && Array.isArray((source.style as Json).rules)
      ? (source.style as Json)
      : plainStyle(source.layerName, source.geometryType);
  const properties: string[] = [];
  const propertyIndex = (name: string) => {
    const found = properties.indexOf(name);
    return found >= 0 ? found : properties.push(name) - 1;
  };
  const filterProperties = new Set<string>();
  const filterPropertyIndex = (name: string) => {
    filterProperties.add(name);
    return propertyIndex(name);
  };
  const rules: PaintRule[] = [];
  for (const entry of raw.rules as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const rule = entry as Json;
    const scale = (rule.scaleDenominator ?? {}) as Json;
    const symbolizers = (Array.isArray(rule.symbolizers) ? rule.symbolizers : [])
      .filter((s): s is Json => !!s && typeof s === 'object')
      .map((s) => compileSymbolizer(s, propertyIndex, source.attributes))
      .filter((s): s is PaintSymbolizer => s !== null);
    rules.push({
      name: typeof rule.name === 'string' && rule.name !== '' ? rule.name : source.layerName,
      matches: compileFilter(rule.filter, filterPropertyIndex),
      elseRule: rule.elseRule === true,
      minScale: num(scale.min, 0),
      maxScale: num(scale.max, Infinity),
      symbolizers,
    });
  }
  const geometryIsPoint = /Point/i.test(source.geometryType);
  return {
    name: typeof raw.name === 'string' ? raw.name : source.layerName,
    rules,
    properties,
    filterProperties: [...filterProperties],
    needsLabelPoints: rules.some((r) =>
      r.symbolizers.some((s) => s.kind === 'Text' || (s.kind === 'Mark' && !geometryIsPoint)),
    ),
  };
}
