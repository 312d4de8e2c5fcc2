// A small colour chip for a layer in the panel, taken from its GeoStyler style: one colour, or stripes
// of the first few rule colours when the style classifies (e.g. land-use classes).
import type { Style as GeoStylerStyle } from 'geostyler-style';

const MAX_COLOURS = 4;

/** The first few colours of a GeoStyler style, in rule order (also the print legend's swatch). */
export function ruleColours(style: GeoStylerStyle | null): string[] {
  const colours: string[] = [];
  // The style is data from the server: a malformed one gets no swatch rather than an exception.
  const rules: unknown = style?.rules;
  if (!Array.isArray(rules)) return colours;
  for (const rule of rules as GeoStylerStyle['rules']) {
    if (!Array.isArray(rule?.symbolizers)) continue;
    for (const symbolizer of rule.symbolizers) {
      if (typeof symbolizer !== 'object' || symbolizer === null) continue;
      const colour =
        'color' in symbolizer && typeof symbolizer.color === 'string'
          ? symbolizer.color
          : 'outlineColor' in symbolizer && typeof symbolizer.outlineColor === 'string'
            ? symbolizer.outlineColor
            : undefined;
      if (colour && !colours.includes(colour)) colours.push(colour);
    }
    if (colours.length >= MAX_COLOURS) break;
  }
  return colours.slice(0, MAX_COLOURS);
}

export function LegendSwatch({ style }: { style: GeoStylerStyle | null }) {
  const colours = ruleColours(style);
  const background =
    colours.length === 0
      ? 'transparent'
      : colours.length === 1
        ? colours[0]
        : `linear-gradient(90deg, ${colours
            .map((c, i) => `${c} ${(i * 100) / colours.length}% ${((i + 1) * 100) / colours.length}%`)
            .join(', ')})`;
  return <span className="ob-swatch" style={{ background }} aria-hidden="true" />;
}
