// Searches district and place names in the layers the caller may read (see README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Geometry } from 'geojson';
import type { Pool } from 'pg';
import { canReadLayer, type Principal } from '../accounts';
import { readCatalog } from '../layers';
import NAME_ATTRIBUTES from './name-attributes.json';

const SEARCH = readFileSync(path.join(__dirname, 'place-names.sql'), 'utf8');

export interface PlaceMatch {
  kind: 'district' | 'place';
  layerCode: string;
  layerName: string;
  name: string;
  /** features of the layer carrying this name (a township's many fields count as one place) */
  featureCount: number;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4490 */
  bbox: [number, number, number, number];
  /** the features, simplified to about 2 m, for highlighting */
  geometry: Geometry;
}

/** `%text%` for ILIKE, with the pattern characters in the text taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchPlaceNames(
  pool: Pool,
  principal: Principal,
  text: string,
  limit: number,
): Promise<PlaceMatch[]> {
  const sources: { layer: string; attribute: string; kind: PlaceMatch['kind'] }[] = [];
  for (const layer of (await readCatalog(pool)).layers) {
    // the conflict layer's features are derived from the plans: their titles are not places
    if (layer.geometryType === 'Raster' || layer.kind === 'reference' || !canReadLayer(principal, layer))
      continue;
    const kind = layer.kind === 'admin_division' ? 'district' : 'place';
    const declared = new Set(layer.attributeSchema.map((a) => a.name));
    // only the attributes a layer declares are read: each one read costs a pass over its features' JSON
    for (const attribute of NAME_ATTRIBUTES[kind])
      if (declared.has(attribute)) sources.push({ layer: layer.code, attribute, kind });
  }
  if (sources.length === 0) return [];
  const { rows } = await pool.query<PlaceMatch>(SEARCH, [
    sources.map((s) => s.layer),
    sources.map((s) => s.attribute),
    sources.map((s) => s.kind),
    containsPattern(text),
    text,
    limit,
  ]);
  return rows;
}
