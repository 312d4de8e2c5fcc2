// The generalisation of a layer version, when one was built: the properties its groups carry and its bands.
import type { Queryable } from '../catalog/queryable';

export interface Generalisation {
  propertyNames: string[];
  bands: number[];
}

export async function findGeneralisation(
  db: Queryable,
  versionId: string,
): Promise<Generalisation | undefined> {
  const { rows } = await db.query<{ property_names: string[]; bands: number[] }>(
    'SELECT property_names, bands FROM layer_generalisations WHERE layer_version_id = $1',
    [versionId],
  );
  const row = rows[0];
  return row && { propertyNames: row.property_names, bands: row.bands };
}
