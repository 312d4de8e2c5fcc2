// compliance-rules' public face: the rule kinds, rule sets as versioned data, the checks (evaluated in
// PostGIS), their verification codes and the comparison of two checks, and the cross-plan conflicts.
export { RULE_KINDS } from './rule-kinds';
export type { RuleKind, RuleKindInfo } from './rule-kinds';
export { ComplianceError } from './compliance-error';
export type { ComplianceErrorKind } from './compliance-error';
export { parseRuleSet, ruleSetSchema } from './rule-sets/rule-set-schema';
export type { Rule, RuleSet, RuleSetInput } from './rule-sets/rule-set-schema';
export { listRuleSets, listRuleSetVersions, readRuleSet, saveRuleSet } from './rule-sets/rule-set-store';
export type { RuleSetSummary, RuleSetVersionSummary, StoredRuleSet } from './rule-sets/rule-set-store';
export { ensureSampleRuleSet, SAMPLE_RULE_SET } from './rule-sets/sample-rule-set';
export { areaUnits, M2_PER_HA, M2_PER_MU } from './runs/area-units';
export { prepareCitySite } from './site/prepare-city-site';
export type { PreparedSite } from './site/prepare-city-site';
export { editableSite } from './site/editable-site';
export type { EditableSite } from './site/editable-site';
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
export { DISTRICT_SCOPE_TOLERANCE_M2, requireRunInDistricts } from './runs/district-scope';
export type { DistrictScope } from './runs/district-scope';
export { verdictOf } from './runs/verdict';
export type { Verdict } from './runs/verdict';
export { docxReport } from './report/docx-report';
export { pdfReport } from './report/pdf-report';
export { REPORT_TITLE, reportContent } from './report/report-content';
export type { MapKey, ReportBlock, ReportOptions } from './report/report-content';
export { MAP_SIZES } from './report/report-maps';
export { docxDocument } from './report/docx-document';
export { pdfDocument, useCjkFont } from './report/pdf-document';
export { beijingTime } from './report/report-content';
export type { DocumentBlock, DocumentInfo } from './report/document-blocks';
export type { ReportMaps } from './report/report-maps';
export { findCandidates } from './candidates/find-candidates';
export type { Candidate, CandidateSearch, CandidateWarning } from './candidates/find-candidates';
export type { CandidateRequest } from './candidates/candidate-request';
export { candidateFit, SCORE_WEIGHTS } from './candidates/candidate-score';
export { growGroups } from './candidates/grow-groups';
export type { Group, Neighbourhood, PoolParcel } from './candidates/grow-groups';
export { CONFLICT_ATTRIBUTES, CONFLICT_LAYER_CODE } from './conflicts/conflict-layer';
export { computePlanningConflicts, pairSetDigest } from './conflicts/compute-conflicts';
export type { ComputeOptions, ConflictComputation, ConflictPhase } from './conflicts/compute-conflicts';
export { conflictSummary } from './conflicts/conflict-summary';
export type { AreaFigures, ConflictSummary } from './conflicts/conflict-summary';
export {
  createConflictRun,
  finishConflictRun,
  readConflictRun,
  updateConflictRun,
} from './conflicts/conflict-runs';
export type { ConflictRunReason, ConflictRunView } from './conflicts/conflict-runs';
export { checkConflictPairSet, pairSetLayers, resolveSourceVersions } from './conflicts/pair-set-layers';
export type { SourceVersion } from './conflicts/pair-set-layers';
export { conflictPairSetSchema, parseConflictPairSet } from './conflicts/pair-set-schema';
export type { ConflictPair, ConflictPairSet, ConflictPairSetInput } from './conflicts/pair-set-schema';
export { ensurePlanningConflicts, readsLayer, SAMPLE_CONFLICT_PAIRS } from './conflicts/sample-pairs';
