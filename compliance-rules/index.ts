// compliance-rules' public face. Today: the rule kinds. The rule sets, evaluator, client preview and
// report land here next (see README).
export { RULE_KINDS } from './rule-kinds';
export type { RuleKind, RuleKindInfo } from './rule-kinds';
