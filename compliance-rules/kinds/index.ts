// The rule kinds by name: adding a kind is adding its file here (and to the schema).
import type { Queryable } from '../../layers';
import type { Rule } from '../rule-sets/rule-set-schema';
import { jurisdiction } from './jurisdiction';
import { landUseCompatibility } from './land-use-compatibility';
import { maxOverlapRatio } from './max-overlap-ratio';
import { minDistance } from './min-distance';
import { mustBeWithin } from './must-be-within';
import { mustNotIntersect } from './must-not-intersect';
import type { EvaluationContext, RuleOutcome } from './rule-outcome';
import { withinRegionalAssessment } from './within-regional-assessment';

export function evaluateRule(db: Queryable, rule: Rule, context: EvaluationContext): Promise<RuleOutcome> {
  switch (rule.kind) {
    case 'must_not_intersect':
      return mustNotIntersect(db, rule, context);
    case 'must_be_within':
      return mustBeWithin(db, rule, context);
    case 'land_use_compatibility':
      return landUseCompatibility(db, rule, context);
    case 'min_distance':
      return minDistance(db, rule, context);
    case 'max_overlap_ratio':
      return maxOverlapRatio(db, rule, context);
    case 'within_regional_assessment':
      return withinRegionalAssessment(db, rule, context);
    case 'jurisdiction':
      return jurisdiction(db, rule, context);
  }
}
export type { ConflictFeature, EvaluationContext, RuleOutcome } from './rule-outcome';
