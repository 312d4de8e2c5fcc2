// A site prepared as a check prepares it, for callers that keep sites rather than check them (a project's
// site versions): the shape checks, the transformation to EPSG:4490, the repair, and the refusal of empty,
// off-earth, oversized and out-of-city sites, against the default rule set's city boundary and size limit.
import type { Queryable } from '../../layers';
import { invalid } from '../compliance-error';
import { defaultRuleSetCode, readRuleSet } from '../rule-sets/rule-set-store';
import { prepareSite, type PreparedSite } from './prepare-site';
import { parseSiteGeometry, sourceProjection } from './site-input';

export type { PreparedSite };

/** `db` may be a transaction's connection: the site is read in the same snapshot as what it is kept with. */
export async function prepareCitySite(
  db: Queryable,
  geometry: unknown,
  crs = 'EPSG:4490',
): Promise<PreparedSite> {
  const parsed = parseSiteGeometry(geometry);
  sourceProjection(crs);
  const ruleSet = (await readRuleSet(db, await defaultRuleSetCode(db))).definition;
  const { rows } = await db.query<{ version_id: string }>(
    'SELECT current_version_id::text AS version_id FROM layers WHERE code = $1 AND deleted_at IS NULL AND current_version_id IS NOT NULL',
    [ruleSet.cityBoundaryLayer],
  );
  if (!rows[0])
    throw invalid(
      `市域范围图层没有可用版本：${ruleSet.cityBoundaryLayer} / the city boundary layer has no current version`,
      {
        parameter: 'geometry',
        layer: ruleSet.cityBoundaryLayer,
      },
    );
  return prepareSite(db, parsed, crs, {
    cityVersionId: rows[0].version_id,
    maxSiteAreaM2: ruleSet.maxSiteAreaM2,
  });
}
