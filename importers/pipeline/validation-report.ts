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
    crs: { code: string; how: 'declared' | 'guessed' | 'given' | 'format'; note: string } | null;
    encoding: { name: string; how: 'cpg' | 'detected' | 'given' } | null;
    areaChecks?: {
      /** the parcel's feature number (absent in reports made before it was kept); broken parcels have none */
      feature?: number;
      parcelNo: string;
      declaredM2: number | null;
      computedM2: number;
      differencePct: number | null;
    }[];
    /** source attribute names read as the layer's (e.g. a .dbf's truncated land_use_c as land_use_code) */
    attributeMapping?: Record<string, string>;
  };
  /**
   * read = loaded + rejected: every feature of the file is either rejected (its reasons are issues) or
   * passed the checks, and is loaded (when the import is refused nothing is written, and loaded counts
   * the features that passed)
   */
  counts: { read: number; loaded: number; repaired: number; rejected: number; warnings: number };
  /** in file order (feature 0, the whole file, first), at most MAX_REPORTED_ISSUES */
  issues: ValidationIssue[];
  /** errors found, by code, kept in issues or not */
  errorsByCode: Record<string, number>;
  /** true when more issues were found than the report keeps */
  truncated: boolean;
  /** how many issues were found beyond those kept */
  omittedIssues: number;
}

/** Enough for a planner to fix a file in one pass; the counts still cover all of them. */
export const MAX_REPORTED_ISSUES = 1_000;

export function emptyReport(source: ValidationReport['source']): ValidationReport {
  return {
    source,
    counts: { read: 0, loaded: 0, repaired: 0, rejected: 0, warnings: 0 },
    issues: [],
    errorsByCode: {},
    truncated: false,
    omittedIssues: 0,
  };
}

export function addIssue(report: ValidationReport, issue: ValidationIssue): void {
  if (issue.severity === 'repaired') report.counts.repaired++;
  if (issue.severity === 'warning') report.counts.warnings++;
  if (issue.severity === 'error')
    report.errorsByCode[issue.code] = (report.errorsByCode[issue.code] ?? 0) + 1;
  if (report.issues.length < MAX_REPORTED_ISSUES) {
    report.issues.push(issue);
  } else {
    report.truncated = true;
    report.omittedIssues++;
  }
}

export function hasErrors(report: ValidationReport): boolean {
  return Object.keys(report.errorsByCode).length > 0;
}

/** How many errors were found, in all and by code. */
export function errorSummary(report: ValidationReport): { errors: number; byCode: Record<string, number> } {
  const byCode = report.errorsByCode;
  return { errors: Object.values(byCode).reduce((a, b) => a + b, 0), byCode };
}

/** Puts the issues in file order (a stable sort: a feature's issues keep the order they were found in). */
export function sortIssues(report: ValidationReport): void {
  report.issues.sort((a, b) => a.feature - b.feature);
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
    ...(report.omittedIssues > 0
      ? [
          [
            '',
            '',
            '',
            'issues_omitted',
            `另有${report.omittedIssues}条问题未列出，见各代码的错误数 / ${report.omittedIssues} more issues not listed: see the error counts by code`,
            report.errorsByCode,
          ]
            .map(csvCell)
            .join(','),
        ]
      : []),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
