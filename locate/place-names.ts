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
  const readable = (await readCatalog(pool)).layers.filter(
    (layer) => layer.geometryType !== 'Raster' && canReadLayer(principal, layer),
  );
  const districts = readable.filter((layer) => layer.kind === 'admin_division').map((l) => l.code);
  // the conflict layer's features are derived from the plans: their names are not places
  const others = readable
    .filter((layer) => layer.kind !== 'admin_division' && layer.kind !== 'reference')
    .map((l) => l.code);
  const { rows } = await pool.query<PlaceMatch>(SEARCH, [
    districts,
    others,
    NAME_ATTRIBUTES.district,
    NAME_ATTRIBUTES.place,
    containsPattern(text),
    text,
    limit,
  ]);
  return rows;
}
