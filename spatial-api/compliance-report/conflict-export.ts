// A check's conflicts as files: one GeoJSON feature (EPSG:4490 coordinates, as the API gives them) or one CSV
// row per rule with a conflict geometry, with the rule's figures and the features at fault; CSV cells go
// through csvCell so no attribute is read as a spreadsheet formula.
import type { ComplianceRun, RuleResult } from '../../compliance-rules';
import { csvCell } from '../../importers';

const COLUMNS = [
  'check_id',
  'rule_id',
  'title',
  'severity',
  'passed',
  'area_m2',
  'area_ha',
  'area_mu',
  'ratio',
  'distance_m',
  'features',
  'geometry',
] as const;

function withConflicts(run: ComplianceRun): (RuleResult & { conflictGeometry: Record<string, unknown> })[] {
  return run.rules.filter(
    (r): r is RuleResult & { conflictGeometry: Record<string, unknown> } => r.conflictGeometry !== null,
  );
}

function properties(run: ComplianceRun, rule: RuleResult) {
  return {
    checkId: run.id,
    ruleId: rule.ruleId,
    title: rule.title,
    severity: rule.severity,
    passed: rule.passed,
    areaM2: rule.areaM2,
    areaHa: rule.areaHa,
    areaMu: rule.areaMu,
    ratio: rule.ratio,
    distanceM: rule.distanceM,
    features: rule.features,
  };
}

export function conflictsGeoJson(run: ComplianceRun) {
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
    verdict: run.verdict,
    verificationCode: run.verificationCode,
    features: withConflicts(run).map((rule) => ({
      type: 'Feature',
      id: rule.ruleId,
      properties: properties(run, rule),
      geometry: rule.conflictGeometry,
    })),
  };
}

export function conflictsCsv(run: ComplianceRun): string {
  const rows = withConflicts(run).map((rule) => {
    const p = properties(run, rule);
    const features = rule.features.map((f) => `${f.layer}:${f.key ?? f.id}`).join('; ');
    return [
      p.checkId,
      p.ruleId,
      p.title,
      p.severity,
      p.passed,
      p.areaM2,
      p.areaHa,
      p.areaMu,
      p.ratio,
      p.distanceM,
      features,
      rule.conflictGeometry,
    ];
  });
  // a byte-order mark so spreadsheets read the Chinese titles as UTF-8
  return `\uFEFF${[COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
