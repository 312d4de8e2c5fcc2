// A rule set as GET /api/v1/compliance/rule-sets/:code answers it: the same JSON definition the server's
// PostGIS evaluator applies, read here by the browser's preview evaluator. The client imports nothing from
// the server folders, so the shapes are restated; the server's zod schema stays the authority.
export type Severity = 'prohibit' | 'warn' | 'inform';
export type AttributeValue = string | number | boolean;
export type AttributeFilter = Record<string, AttributeValue | AttributeValue[]>;

interface RuleCommon {
  id: string;
  title: string;
  legalBasis: string;
  severity: Severity;
  layers: string[];
  filter?: AttributeFilter;
}

export type MustNotIntersectRule = RuleCommon & {
  kind: 'must_not_intersect';
  params: { toleranceM2: number };
};
export type MustBeWithinRule = RuleCommon & { kind: 'must_be_within'; params: { toleranceM2: number } };
export type LandUseCompatibilityRule = RuleCommon & {
  kind: 'land_use_compatibility';
  params: { codeAttribute: string; toleranceM2: number; matrix: Record<string, string[]> };
};
export type MinDistanceRule = RuleCommon & { kind: 'min_distance'; params: { distanceM: number } };
export type MaxOverlapRatioRule = RuleCommon & { kind: 'max_overlap_ratio'; params: { maxRatio: number } };
export type WithinRegionalAssessmentRule = RuleCommon & {
  kind: 'within_regional_assessment';
  params: { assessmentsAttribute: string };
};
export type JurisdictionRule = RuleCommon & {
  kind: 'jurisdiction';
  params: { nameAttribute: string; codeAttribute: string };
};

export type Rule =
  | MustNotIntersectRule
  | MustBeWithinRule
  | LandUseCompatibilityRule
  | MinDistanceRule
  | MaxOverlapRatioRule
  | WithinRegionalAssessmentRule
  | JurisdictionRule;

export type RuleKind = Rule['kind'];

export interface RuleSet {
  code: string;
  name: string;
  districtCode: string | null;
  cityBoundaryLayer: string;
  maxSiteAreaM2: number;
  rules: Rule[];
  version: number;
}

/** The layers the rules read, each once, in rule order. */
export function ruleLayers(ruleSet: Pick<RuleSet, 'rules'>): string[] {
  return [...new Set(ruleSet.rules.flatMap((rule) => rule.layers))];
}

/** The largest distance a rule looks beyond the site (min_distance), in metres. */
export function reachM(ruleSet: Pick<RuleSet, 'rules'>): number {
  return ruleSet.rules.reduce(
    (most, rule) => (rule.kind === 'min_distance' ? Math.max(most, rule.params.distanceM) : most),
    0,
  );
}
