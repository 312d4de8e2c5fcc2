// The compliance report as a Word document (the same blocks as the PDF, maps embedded as PNG images).
import type { ComplianceRun } from '../runs/read-run';
import { docxDocument } from './docx-document';
import { reportBlocks } from './report-blocks';
import { REPORT_TITLE, type ReportOptions } from './report-content';
import type { ReportMaps } from './report-maps';

export function docxReport(run: ComplianceRun, maps: ReportMaps, options: ReportOptions): Promise<Buffer> {
  return docxDocument(reportBlocks(run, maps, options), {
    title: REPORT_TITLE,
    subject: `合规性审查 ${run.id}`,
  });
}
