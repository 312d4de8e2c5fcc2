// Whether a stored data-quality report is a real one: versions loaded without an import (the sample
// city) keep an empty object or null in its place.
import type { ValidationReport } from './types';

export function asValidationReport(body: unknown): ValidationReport | null {
  if (typeof body !== 'object' || body === null) return null;
  const report = body as Partial<ValidationReport>;
  return report.source && report.counts && Array.isArray(report.issues) ? (body as ValidationReport) : null;
}
