// A site read from a file, prepared as a check prepares it (repaired, refused when empty, outside the city or
// too large) and handed back for editing: GeoJSON in EPSG:4490 with its ellipsoidal area. Nothing is stored.
import type { MultiPolygon } from 'geojson';
import type { Queryable } from '../../layers';
import { areaUnits } from '../runs/area-units';
import { readSqlFile } from '../sql-file';
import { prepareCitySite } from './prepare-city-site';

export interface EditableSite {
  geometry: MultiPolygon;
  areaM2: number;
  areaHa: number;
  areaMu: number;
  repaired: boolean;
  repairReason: string | null;
}

/** `geometry` in `crs` (EPSG:4490 unless named), as the site a check would evaluate. */
export async function editableSite(
  db: Queryable,
  geometry: unknown,
  crs = 'EPSG:4490',
): Promise<EditableSite> {
  const site = await prepareCitySite(db, geometry, crs);
  const { rows } = await db.query<{ geometry: MultiPolygon }>(
    readSqlFile(__dirname, 'prepared-site-geojson'),
    [site.ewkb],
  );
  return {
    geometry: rows[0]!.geometry,
    ...areaUnits(site.areaM2),
    repaired: site.repaired,
    repairReason: site.repairReason,
  };
}
