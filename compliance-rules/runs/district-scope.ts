// 数据分级: a user limited to some districts checks only sites inside them and reads only the checks of
// such sites. Where a site lies is what the check's `jurisdiction` rule found: the area in each district.
import { forbidden } from '../compliance-error';
import type { ComplianceRun } from './read-run';

/** area a site may have outside the user's districts (slivers along a district border) */
export const DISTRICT_SCOPE_TOLERANCE_M2 = 1;

interface JurisdictionResult {
  kind: string;
  details: Record<string, unknown>;
}

interface DistrictArea {
  code: string;
  areaM2: number;
}

function districtsOf(result: JurisdictionResult): DistrictArea[] {
  const listed = result.details.districts;
  if (!Array.isArray(listed)) return [];
  return listed.map((d: { code?: unknown; areaM2?: unknown }) => ({
    code: String(d.code),
    areaM2: Number(d.areaM2 ?? 0),
  }));
}

/**
 * The site's area outside the given districts, by the first jurisdiction result; null when the check has
 * none (then where the site lies is not known).
 */
export function areaOutsideDistricts(
  siteAreaM2: number,
  results: JurisdictionResult[],
  districts: readonly string[],
): number | null {
  const jurisdiction = results.find((r) => r.kind === 'jurisdiction');
  if (!jurisdiction) return null;
  const inside = districtsOf(jurisdiction)
    .filter((d) => districts.includes(d.code))
    .reduce((sum, d) => sum + d.areaM2, 0);
  return Math.max(0, siteAreaM2 - inside);
}

/** The districts a site lies in, as its jurisdiction result lists them (with more than the tolerance). */
export function siteDistricts(results: JurisdictionResult[]): string[] {
  const jurisdiction = results.find((r) => r.kind === 'jurisdiction');
  return jurisdiction
    ? districtsOf(jurisdiction)
        .filter((d) => d.areaM2 > DISTRICT_SCOPE_TOLERANCE_M2)
        .map((d) => d.code)
    : [];
}

/** null: the whole city */
export type DistrictScope = readonly string[] | null;

export function inScope(scope: DistrictScope): scope is readonly string[] {
  return scope !== null && scope.length > 0;
}

/** Refuses a site (about to be checked) that is not wholly inside the user's districts. */
export function requireSiteInDistricts(
  siteAreaM2: number,
  results: JurisdictionResult[],
  scope: DistrictScope,
): void {
  if (!inScope(scope)) return;
  const outside = areaOutsideDistricts(siteAreaM2, results, scope);
  if (outside === null)
    throw forbidden(
      '规则集没有行政区规则，无法确认用地位于您的管辖区域内 / the rule set has no jurisdiction rule, so the site cannot be placed in your districts',
      { parameter: 'ruleSet', allowedDistricts: scope },
    );
  if (outside > DISTRICT_SCOPE_TOLERANCE_M2)
    throw forbidden(
      `用地范围有${Math.round(outside)}平方米不在您的管辖区域内 / the site lies outside your districts (${Math.round(outside)} m²)`,
      {
        parameter: 'geometry',
        outsideAreaM2: outside,
        siteDistricts: siteDistricts(results),
        allowedDistricts: scope,
      },
    );
}

/** Refuses a stored check whose site is not wholly inside the user's districts. */
export function requireRunInDistricts(run: ComplianceRun, scope: DistrictScope, parameter = 'id'): void {
  if (!inScope(scope)) return;
  const outside = areaOutsideDistricts(run.siteAreaM2, run.rules, scope);
  if (outside === null || outside > DISTRICT_SCOPE_TOLERANCE_M2)
    throw forbidden(
      `审查记录${run.id}的用地不在您的管辖区域内 / check ${run.id} concerns a site outside your districts`,
      { parameter, value: run.id, allowedDistricts: scope },
    );
}
