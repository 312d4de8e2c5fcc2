// Cross-plan conflicts: POST /api/v1/compliance/conflicts/recompute queues a computation of the whole city
// (202 with the run to poll at GET /api/v1/compliance/conflicts/recomputes/:id), and
// GET /api/v1/compliance/conflicts/summary[?version=n][&format=csv] gives the figures of a conflicts version.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { conflictSummary } from '../../compliance-rules';
import { principalOf } from '../access/principal-of';
import type { ConflictJobs } from '../conflicts/conflict-jobs';
import { conflictSummaryCsv } from '../conflicts/conflict-summary-csv';
import { notFound } from '../errors';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';

export function recomputeConflictsHandler(jobs: ConflictJobs): RequestHandler {
  return complianceHandler(async (_req, res) => {
    const caller = principalOf(res);
    const id = await jobs.request('manual', null, caller.kind === 'user' ? caller.user.id : null);
    res
      .status(202)
      .location(`/api/v1/compliance/conflicts/recomputes/${id}`)
      .json({ job: await jobs.get(id) });
  });
}

export function conflictRunHandler(jobs: ConflictJobs): RequestHandler {
  return complianceHandler(async (req, res) => {
    const job = await jobs.get(String(req.params.id));
    if (!job)
      throw notFound(`冲突计算任务不存在 / no conflict computation "${req.params.id}"`, {
        parameter: 'id',
        value: req.params.id,
      });
    res.json({ job });
  });
}

export function conflictSummaryHandler(pool: Pool): RequestHandler {
  const query = z.object({
    version: z.coerce.number().int().min(1).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  });
  return complianceHandler(async (req, res) => {
    const { version, format } = parseInput(query, req.query);
    const summary = await conflictSummary(pool, version);
    res.set('cache-control', 'private, no-store');
    if (format === 'json') {
      res.json(summary);
      return;
    }
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="planning-conflicts-v${summary.version}-summary.csv"`)
      .send(conflictSummaryCsv(summary));
  });
}
