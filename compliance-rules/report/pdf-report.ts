// The compliance report as an A4 PDF (the shared document writer, CJK font embedded).
import type { ComplianceRun } from '../runs/read-run';
import { pdfDocument } from './pdf-document';
import { reportBlocks } from './report-blocks';
import { REPORT_TITLE, type ReportOptions } from './report-content';
import type { ReportMaps } from './report-maps';

export function pdfReport(run: ComplianceRun, maps: ReportMaps, options: ReportOptions): Promise<Buffer> {
  return pdfDocument(reportBlocks(run, maps, options), {
    title: REPORT_TITLE,
    subject: `合规性审查 ${run.id}`,
  });
}
