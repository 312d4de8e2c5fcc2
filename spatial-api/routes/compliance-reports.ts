// A stored compliance check as a document to hand over: the PDF and DOCX reports (maps drawn in-process
// by the WMS renderer) and its conflict geometries as GeoJSON or CSV.
import type { RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  docxReport,
  pdfReport,
  readRun,
  requireRunInDistricts,
  type ComplianceRun,
} from '../../compliance-rules';
import { principalOf } from '../access/principal-of';
import { ReportMapDrawer, type ReportMapOptions } from '../compliance-report/report-map';
import { conflictsCsv, conflictsGeoJson } from '../compliance-report/conflict-export';
import { notFound } from '../errors';
import { requestOrigin } from '../ogc/request-origin';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';

/** The run, if the caller's districts cover its site. */
async function storedRun(pool: Pool, id: string, res: Response): Promise<ComplianceRun> {
  const run = await readRun(pool, id);
  if (!run)
    throw notFound(`审查记录不存在：${id} / no compliance check ${id}`, { parameter: 'id', value: id });
  requireRunInDistricts(run, principalOf(res).districts);
  return run;
}

function attachment(res: Response, type: string, name: string, body: Buffer | string): void {
  res
    .status(200)
    .type(type)
    .set('content-disposition', `attachment; filename="${name}"`)
    .set('cache-control', 'private, no-store')
    .send(body);
}

export function reportHandler(pool: Pool, options: ReportMapOptions, format: 'pdf' | 'docx'): RequestHandler {
  const drawer = new ReportMapDrawer(pool, options);
  return complianceHandler(async (req, res) => {
    const run = await storedRun(pool, String(req.params.id), res);
    const maps = await drawer.maps(run);
    const verifyBaseUrl = `${requestOrigin(req)}/api/v1/compliance/verify/`;
    const name = `compliance-check-${run.id}.${format}`;
    if (format === 'pdf')
      attachment(res, 'application/pdf', name, await pdfReport(run, maps, { verifyBaseUrl }));
    else {
      attachment(
        res,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        name,
        await docxReport(run, maps, { verifyBaseUrl }),
      );
    }
  });
}

export function exportHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const { format } = parseInput(z.object({ format: z.enum(['geojson', 'csv']) }), req.query);
    const run = await storedRun(pool, String(req.params.id), res);
    if (format === 'csv')
      attachment(res, 'text/csv; charset=utf-8', `compliance-check-${run.id}.csv`, conflictsCsv(run));
    else {
      attachment(
        res,
        'application/geo+json',
        `compliance-check-${run.id}.geojson`,
        JSON.stringify(conflictsGeoJson(run)),
      );
    }
  });
}
