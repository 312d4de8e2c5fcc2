// What a candidate search is asked: the required area (in exactly one of m², 公顷, 亩), the project type, the
// district and the caller's own districts, the rule set and how many candidates.
import { invalid } from '../compliance-error';
import { M2_PER_HA, M2_PER_MU } from '../runs/area-units';

export interface CandidateRequest {
  areaM2?: number;
  areaHa?: number;
  areaMu?: number;
  /** a key of the land-use compatibility matrix of the rule set */
  projectType: string;
  districtCode?: string;
  /** the districts the caller may see; null or empty: the whole city */
  scopeDistricts: readonly string[] | null;
  ruleSet?: string;
  limit: number;
}

const UNITS = [
  ['areaM2', 1],
  ['areaHa', M2_PER_HA],
  ['areaMu', M2_PER_MU],
] as const;

/** The required area in m² and the parameter it was given in; refuses none, two, or a non-positive one. */
export function requiredArea(request: CandidateRequest): { areaM2: number; parameter: string } {
  const given = UNITS.filter(([name]) => request[name] !== undefined);
  if (given.length !== 1)
    throw invalid(
      '请只用 areaM2、areaHa、areaMu 之一给出所需面积 / give the required area in exactly one of areaM2, areaHa, areaMu',
      { parameter: given[1]?.[0] ?? 'areaM2', given: given.map(([name]) => name) },
    );
  const [parameter, factor] = given[0]!;
  const value = request[parameter]!;
  if (!Number.isFinite(value) || value <= 0)
    throw invalid(`所需面积必须为正数 / ${parameter} must be a positive number`, { parameter, value });
  return { areaM2: value * factor, parameter };
}
