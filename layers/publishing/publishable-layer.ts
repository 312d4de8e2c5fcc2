// A layer as the publisher takes it, and what GeoServer needs derived from it: a bounding box (also for a
// layer without features yet) and a style (a plain one for a layer that has none).
import type { Style } from 'geostyler-style';
import type { AttributeDefinition } from '../catalog/layer-catalog';
import { defaultStyle } from '../styles/default-styles';
import type { VectorGeometryType } from './published-names';
import { PublishingError } from './publishing-error';

export interface PublishableLayer {
  code: string;
  /** Chinese name: the feature type's title */
  name: string;
  description?: string;
  /** checked to be publishable; GeoServer reads the columns from the view */
  attributeSchema: readonly AttributeDefinition[];
  /** the layer's GeoStyler style; null or undefined gets a plain default style */
  style: unknown;
  geometryType: string;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4490; null for a layer without features yet */
  extent: readonly [number, number, number, number] | null;
}

/** EPSG:4490's area of use (China), the bounding box of a layer that has no features yet */
const CGCS2000_AREA_OF_USE: [number, number, number, number] = [73.62, 16.7, 134.77, 53.56];

export interface Box {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
}

export function boundingBox(code: string, extent: PublishableLayer['extent']): Box {
  const [minx, miny, maxx, maxy] = extent ?? CGCS2000_AREA_OF_USE;
  const valid =
    [minx, miny, maxx, maxy].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    minx <= maxx &&
    miny <= maxy &&
    minx >= -180 &&
    maxx <= 180 &&
    miny >= -90 &&
    maxy <= 90;
  if (!valid) {
    throw new PublishingError(
      'invalid_extent',
      `图层“${code}”的范围无效 / layer "${code}" has an invalid extent ${JSON.stringify(extent)}: expected [minLon, minLat, maxLon, maxLat] in EPSG:4490`,
      { parameter: 'extent', value: extent },
    );
  }
  // a single point still needs an area for GeoServer and GWC
  const pad = (lo: number, hi: number) => (hi - lo > 0 ? [lo, hi] : [lo - 1e-6, hi + 1e-6]);
  const [x0, x1] = pad(minx, maxx) as [number, number];
  const [y0, y1] = pad(miny, maxy) as [number, number];
  return { minx: x0, miny: y0, maxx: x1, maxy: y1 };
}

/** The layer's own style, or one plain style for its geometry when it has none. */
export function styleOf(layer: PublishableLayer, geometryType: VectorGeometryType): Style {
  if (layer.style !== null && layer.style !== undefined) return layer.style as Style;
  const color = '#3388FF';
  if (geometryType.endsWith('Polygon')) return defaultStyle(layer.name, color, { opacity: 0.4 });
  const symbolizer = geometryType.endsWith('LineString')
    ? { kind: 'Line' as const, color, width: 1.5 }
    : { kind: 'Mark' as const, wellKnownName: 'circle' as const, color, radius: 4 };
  return { name: layer.name, rules: [{ name: layer.name, symbolizers: [symbolizer] }] };
}
