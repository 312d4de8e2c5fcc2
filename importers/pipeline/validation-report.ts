// The validation report every import produces (data-quality feedback, seed 000 Art. 8-9): what was read,
// in which CRS and encoding, and one entry per problem found, stored with the version it made.
import { csvCell } from '../formats/csv-cell';

export type IssueSeverity = 'error' | 'warning' | 'repaired';

export interface ValidationIssue {
  /** 1-based position of the feature in the source, 0 for the whole file */
  feature: number;
  key: string | null;
  severity: IssueSeverity;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface ValidationReport {
  source: {
    fileName: string;
    format: string;
    crs: { code: string; how: 'declared' | 'guessed' | 'given'; note: string } | null;
    encoding: { name: string; how: 'cpg' | 'detected' | 'given' } | null;
    areaChecks?: {
      parcelNo: string;
      declaredM2: number | null;
      computedM2: number;
      differencePct: number | null;
    }[];
    /** source attribute names read as the layer's (e.g. a .dbf's truncated land_use_c as land_use_code) */
    attributeMapping?: Record<string, string>;
  };
  counts: { read: number; loaded: number; repaired: number; rejected: number; warnings: number };
  issues: ValidationIssue[];
  /** true when more issues were found than the report keeps */
  truncated: boolean;
}

export const MAX_REPORTED_ISSUES = 10_000;

export function emptyReport(source: ValidationReport['source']): ValidationReport {
  return {
    source,
    counts: { read: 0, loaded: 0, repaired: 0, rejected: 0, warnings: 0 },
    issues: [],
    truncated: false,
  };
}

export function addIssue(report: ValidationReport, issue: ValidationIssue): void {
  if (issue.severity === 'repaired') report.counts.repaired++;
  if (issue.severity === 'warning') report.counts.warnings++;
  if (report.issues.length < MAX_REPORTED_ISSUES) report.issues.push(issue);
  else report.truncated = true;
}

export function hasErrors(report: ValidationReport): boolean {
  return report.issues.some((i) => i.severity === 'error');
}

/** The report as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese text). */
export function reportToCsv(report: ValidationReport): string {
  const lines = [
    ['要素序号 feature', '要素编号 key', '级别 severity', '代码 code', '说明 message', '详情 details']
      .map(csvCell)
      .join(','),
    ...report.issues.map((i) =>
      [i.feature, i.key ?? '', i.severity, i.code, i.message, i.details].map(csvCell).join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
