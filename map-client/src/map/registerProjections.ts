// Teaches proj4 and OpenLayers the CRS that spatial-api publishes (CGCS2000 EPSG:4490 and its
// Gauss-Krüger zones): neither library knows them out of the box.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection } from 'ol/proj.js';
import type { CrsDefinition } from '../api/types';

export const CGCS2000 = 'EPSG:4490';
/** The web display projection (DESIGN.md: display in EPSG:3857). */
export const VIEW_PROJECTION = 'EPSG:3857';

// Used only when /api/v1/crs cannot be read, so the map can still place the lon/lat extents and show
// coordinates; the server's list stays the one source of definitions.
const CGCS2000_FALLBACK = '+proj=longlat +ellps=GRS80 +no_defs +type=crs';

export function registerProjections(definitions: CrsDefinition[]): void {
  for (const definition of definitions) {
    try {
      proj4.defs(definition.code, definition.proj4);
    } catch (error) {
      console.warn(`Skipping CRS ${definition.code}:`, error);
    }
  }
  if (!proj4.defs(CGCS2000)) proj4.defs(CGCS2000, CGCS2000_FALLBACK);
  register(proj4);
  if (!getProjection(CGCS2000)) throw new Error(`${CGCS2000} could not be registered`);
}
