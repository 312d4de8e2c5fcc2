// Compliance checks over REST: run one, read one, list a project's, compare two, and (for anyone holding a
// report) confirm a verification code. A district-scoped user checks and reads only sites in their districts.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  diffRuns,
  listRuns,
  readRun,
  requireRunInDistricts,
  runCheck,
  verifyRun,
} from '../../compliance-rules';
import { principalOf } from '../access/principal-of';
import { notFound } from '../errors';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';

const checkBody = z.object({
  geometry: z.unknown().refine((g) => g !== undefined, '必须提供用地范围 / geometry is required'),
  crs: z.string().min(1).optional(),
  projectCode: z.string().min(1).optional(),
  projectType: z.string().min(1).optional(),
  ruleSet: z.string().min(1).optional(),
});

export function runCheckHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const body = parseInput(checkBody, req.body);
    const principal = principalOf(res);
    const run = await runCheck(pool, {
      ...body,
      geometry: body.geometry,
      userId: principal.kind === 'user' ? principal.user.id : null,
      districts: principal.districts,
    });
    res.status(201).location(`/api/v1/compliance/checks/${run.id}`).json(run);
  });
}

export function getCheckHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const id = String(req.params.id);
    const run = await readRun(pool, id);
    if (!run)
      throw notFound(`审查记录不存在：${id} / no compliance check ${id}`, { parameter: 'id', value: id });
    requireRunInDistricts(run, principalOf(res).districts);
    res.json(run);
  });
}

export function listChecksHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    const query = parseInput(
      z.object({
        projectCode: z.string().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      req.query,
    );
    res.json({ checks: await listRuns(pool, { ...query, districts: principalOf(res).districts }) });
  });
}

export function diffChecksHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    res.json(
      await diffRuns(pool, String(req.params.id), String(req.params.otherId), principalOf(res).districts),
    );
  });
}

export function verifyCheckHandler(pool: Pool): RequestHandler {
  return complianceHandler(async (req, res) => {
    res.json(await verifyRun(pool, String(req.params.code)));
  });
}
