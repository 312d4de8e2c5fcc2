// Default GeoStyler styles following Chinese planning drawing conventions: land-use classes in the 2023
// classification's colours, the red line in red, basic farmland yellow-green, the development boundary
// purple and dashed. One style source, later converted to SLD and to OpenLayers styles.
import type { Style } from 'geostyler-style';
import { codeList } from '../code-lists';

interface FillOptions {
  opacity?: number;
  outlineColor?: string;
  outlineWidth?: number;
  outlineDasharray?: number[];
}

function fillSymbolizer(color: string, options: FillOptions = {}) {
  return {
    kind: 'Fill' as const,
    color,
    fillOpacity: options.opacity ?? 0.6,
    outlineColor: options.outlineColor ?? color,
    outlineWidth: options.outlineWidth ?? 1,
    ...(options.outlineDasharray ? { outlineDasharray: options.outlineDasharray } : {}),
  };
}

export function defaultStyle(name: string, color: string, options: FillOptions = {}): Style {
  return { name, rules: [{ name, symbolizers: [fillSymbolizer(color, options)] }] };
}

/** One rule per code of a code list, matched on `property`. */
export function codeListStyle(
  name: string,
  listCode: string,
  property: string,
  options: FillOptions = {},
): Style {
  return {
    name,
    rules: codeList(listCode).entries.map((entry) => ({
      name: `${entry.code} ${entry.name}`,
      filter: ['==', property, entry.code],
      symbolizers: [fillSymbolizer(entry.color, { outlineColor: '#666666', outlineWidth: 0.5, ...options })],
    })),
  };
}

export function landUseStyle(): Style {
  return codeListStyle('用地用海分类', 'land_use_2023', 'land_use_code', { opacity: 0.75 });
}
