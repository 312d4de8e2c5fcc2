// The rules of a rule set evaluated set-based over many candidate sites at once (the transaction's
// candidate_sites table), with the same parameters and pass conditions as the kinds in ../kinds evaluate one
// submitted site: one query per rule, whatever the number of sites.
import type { Queryable } from '../../layers';
import { filterJson } from '../kinds/kind-query';
import { readSqlFile } from '../sql-file';
import { INSIDE_RATIO } from '../kinds/within-regional-assessment';
import type { Rule } from '../rule-sets/rule-set-schema';

export interface SiteRuleResult {
  passed: boolean;
  areaM2: number | null;
  ratio: number | null;
  distanceM: number | null;
}

export interface SiteRuleContext {
  versionIdsOf(layers: string[]): string[];
  projectType: string;
  /** the day of the search (YYYY-MM-DD), for validity dates */
  checkedOn: string;
}

async function perSite<R extends { site_no: number }>(
  db: Queryable,
  file: string,
  rule: Rule,
  context: SiteRuleContext,
  extra: unknown[] = [],
): Promise<Map<number, R>> {
  const { rows } = await db.query<R>(readSqlFile(__dirname, file), [
    context.versionIdsOf(rule.layers),
    filterJson(rule),
    ...extra,
  ]);
  return new Map(rows.map((r) => [r.site_no, r]));
}

const areaResult = (areaM2: number, siteAreaM2: number, passed: boolean): SiteRuleResult => ({
  passed,
  areaM2,
  ratio: areaM2 / siteAreaM2,
  distanceM: null,
});

/**
 * Evaluates one rule for every candidate site: site number → result. `siteAreas` holds each site's
 * ellipsoidal area (the denominator of ratios), keyed by site number; every site gets a result.
 */
export async function evaluateRuleOnSites(
  db: Queryable,
  rule: Rule,
  context: SiteRuleContext,
  siteAreas: ReadonlyMap<number, number>,
): Promise<Map<number, SiteRuleResult>> {
  const results = new Map<number, SiteRuleResult>();
  const each = (result: (siteNo: number, siteAreaM2: number) => SiteRuleResult) => {
    for (const [siteNo, siteAreaM2] of siteAreas) results.set(siteNo, result(siteNo, siteAreaM2));
    return results;
  };
  switch (rule.kind) {
    case 'must_not_intersect': {
      const rows = await perSite<{ site_no: number; area_m2: number }>(db, 'site-overlap', rule, context);
      return each((no, a) => {
        const area = rows.get(no)?.area_m2 ?? 0;
        return areaResult(area, a, area <= rule.params.toleranceM2);
      });
    }
    case 'max_overlap_ratio': {
      const rows = await perSite<{ site_no: number; area_m2: number }>(db, 'site-overlap', rule, context);
      return each((no, a) => {
        const area = rows.get(no)?.area_m2 ?? 0;
        return areaResult(area, a, area / a <= rule.params.maxRatio);
      });
    }
    case 'must_be_within': {
      const rows = await perSite<{ site_no: number; area_m2: number }>(db, 'site-outside', rule, context);
      return each((no, a) => {
        const area = rows.get(no)?.area_m2 ?? a;
        return areaResult(area, a, area <= rule.params.toleranceM2);
      });
    }
    case 'land_use_compatibility': {
      const compatible = rule.params.matrix[context.projectType] ?? [];
      const rows = await perSite<{ site_no: number; area_m2: number }>(db, 'site-land-use', rule, context, [
        rule.params.codeAttribute,
        compatible,
      ]);
      return each((no, a) => {
        const area = rows.get(no)?.area_m2 ?? 0;
        return areaResult(area, a, area <= rule.params.toleranceM2);
      });
    }
    case 'min_distance': {
      const rows = await perSite<{ site_no: number; distance_m: number }>(
        db,
        'site-distance',
        rule,
        context,
        [rule.params.distanceM],
      );
      return each((no) => {
        const near = rows.get(no);
        return { passed: !near, areaM2: null, ratio: null, distanceM: near?.distance_m ?? null };
      });
    }
    case 'within_regional_assessment': {
      const rows = await perSite<{ site_no: number; area_m2: number; valid_count: number }>(
        db,
        'site-assessment',
        rule,
        context,
        [context.checkedOn],
      );
      return each((no, a) => {
        const row = rows.get(no);
        const area = row?.area_m2 ?? 0;
        return areaResult(area, a, (row?.valid_count ?? 0) > 0 && area / a >= INSIDE_RATIO);
      });
    }
    case 'jurisdiction':
      return each(() => ({ passed: true, areaM2: null, ratio: null, distanceM: null }));
  }
}
