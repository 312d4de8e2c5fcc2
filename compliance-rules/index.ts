// compliance-rules' public face: the rule kinds, rule sets as versioned data, the checks (evaluated in
// PostGIS), their verification codes and the comparison of two checks.
export { RULE_KINDS } from './rule-kinds';
export type { RuleKind, RuleKindInfo } from './rule-kinds';
export { ComplianceError } from './compliance-error';
export type { ComplianceErrorKind } from './compliance-error';
export { parseRuleSet, ruleSetSchema } from './rule-sets/rule-set-schema';
export type { Rule, RuleSet, RuleSetInput } from './rule-sets/rule-set-schema';
export { listRuleSets, readRuleSet, saveRuleSet } from './rule-sets/rule-set-store';
export type { RuleSetSummary, StoredRuleSet } from './rule-sets/rule-set-store';
export { ensureSampleRuleSet, SAMPLE_RULE_SET } from './rule-sets/sample-rule-set';
export { M2_PER_HA, M2_PER_MU } from './runs/area-units';
export { runCheck } from './runs/run-check';
export type { CheckRequest } from './runs/run-check';
export { readRun } from './runs/read-run';
export type { ComplianceRun, LayerVersionRead, RuleResult } from './runs/read-run';
export { listRuns } from './runs/list-runs';
export type { RunSummary } from './runs/list-runs';
export { diffRuns } from './runs/run-diff';
export type { RunDiff, RuleChange } from './runs/run-diff';
export { verifyRun } from './runs/verify-run';
export type { Verification } from './runs/verify-run';
export { verdictOf } from './runs/verdict';
export type { Verdict } from './runs/verdict';
