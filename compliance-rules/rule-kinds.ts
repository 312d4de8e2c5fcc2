// The kinds of compliance rule the engine supports (DESIGN.md, "Compliance rules"), with Chinese names.
// The database's check constraint on compliance_results.kind lists the same kinds.
import kinds from './rule-kinds.json';

export type RuleKind =
  | 'must_not_intersect'
  | 'must_be_within'
  | 'land_use_compatibility'
  | 'min_distance'
  | 'max_overlap_ratio'
  | 'within_regional_assessment'
  | 'jurisdiction';

export interface RuleKindInfo {
  kind: RuleKind;
  name: string;
  result: string;
  example: string;
}

export const RULE_KINDS = kinds as RuleKindInfo[];
