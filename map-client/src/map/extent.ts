// Map extents: the city's extent (its administrative-division layers, else every layer) in lon/lat
// (EPSG:4490), in the view's projection.
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent.js';
import { transformExtent } from 'ol/proj.js';
import type { LonLatExtent } from '../api/types';
import { CGCS2000, VIEW_PROJECTION } from './registerProjections';

export function toViewExtent(extent: LonLatExtent): Extent {
  return transformExtent(extent, CGCS2000, VIEW_PROJECTION);
}

/** The union of the given extents in the view projection, or null when none is known. */
export function unionViewExtent(extents: Array<LonLatExtent | null>): Extent | null {
  const union = createEmpty();
  for (const extent of extents) {
    if (extent && extent.every(Number.isFinite)) extend(union, toViewExtent(extent));
  }
  return isEmpty(union) ? null : union;
}

/** The extent the map opens on: the administrative divisions when there are any, else all layers. */
export function cityViewExtent(layers: Array<{ kind: string; extent: LonLatExtent | null }>): Extent | null {
  const divisions = layers.filter((layer) => layer.kind === 'admin_division' && layer.extent);
  return unionViewExtent((divisions.length > 0 ? divisions : layers).map((layer) => layer.extent));
}
