// Approval records over REST: a project's records (list, register), one record with its chain, its decision
// and its correction (each a new record), the item catalogue, and the warnings across the city (效能督察).
import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  approvalCatalogue,
  approvalWarnings,
  correctApproval,
  createApproval,
  decideApproval,
  listProjectApprovals,
  readApproval,
  type RecordStore,
  type ViewOptions,
} from '../../projects';
import { principalOf } from '../access/principal-of';
import { notFound } from '../errors';
import { parseInput } from '../request-body';
import { approvalHandler } from './approval-errors';
import { calendarDay } from './calendar-day-param';

const day = calendarDay;
const time = z.iso.datetime({ offset: true });
const text = z.string().trim().min(1).max(500);

function viewQuery(defaultNearLimit: number) {
  return z.object({
    asOf: day.optional(),
    nearLimitDays: z.coerce.number().int().min(0).max(60).default(defaultNearLimit),
  });
}

const newApproval = z.strictObject({
  stage: z.string().min(1),
  item: z.string().min(1),
  department: z.string().min(1).optional(),
  acceptedAt: time,
  decidedAt: time.nullable().optional(),
  status: z.enum(['in_progress', 'approved', 'rejected', 'withdrawn']).optional(),
  result: text.nullable().optional(),
  documentNo: text.nullable().optional(),
  timeLimitWorkingDays: z.number().int().min(1).optional(),
  note: z.string().max(2000).optional(),
});

const decision = z.strictObject({
  decidedAt: time,
  status: z.enum(['approved', 'rejected', 'withdrawn']),
  result: text.nullable().optional(),
  documentNo: text.nullable().optional(),
  note: z.string().max(2000).optional(),
});

const correction = z.strictObject({
  note: z.string().trim().min(1, '更正须说明理由 / a correction needs its reason').max(2000),
  acceptedAt: time.optional(),
  decidedAt: time.nullable().optional(),
  status: z.enum(['in_progress', 'approved', 'rejected', 'withdrawn']).optional(),
  result: text.nullable().optional(),
  documentNo: text.nullable().optional(),
  timeLimitWorkingDays: z.number().int().min(1).optional(),
});

const LEVELS = ['near_limit', 'overdue', 'decided_late'] as const;

function recordId(raw: unknown): number {
  const id = String(raw);
  if (!/^[1-9][0-9]{0,15}$/.test(id)) {
    throw notFound(`审批记录不存在：${id} / no approval ${id}`, { parameter: 'id', value: id });
  }
  return Number(id);
}

function options(q: { asOf?: string; nearLimitDays: number }): ViewOptions {
  return { ...(q.asOf ? { asOf: q.asOf } : {}), nearLimitWorkingDays: q.nearLimitDays };
}

export function approvalHandlers(store: RecordStore, nearLimitWorkingDays: number) {
  const view = viewQuery(nearLimitWorkingDays);
  const list: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(view.extend({ history: z.enum(['true', 'false']).default('false') }), req.query);
    const records = await listProjectApprovals(store, String(req.params.code), principalOf(res), {
      ...options(q),
      history: q.history === 'true',
    });
    res.json({ projectCode: String(req.params.code), records });
  });
  const create: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(view, req.query);
    const body = parseInput(newApproval, req.body);
    const record = await createApproval(store, String(req.params.code), principalOf(res), body, options(q));
    res.status(201).location(`/api/v1/approvals/${record.id}`).json(record);
  });
  const read: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(view, req.query);
    res.json(await readApproval(store, recordId(req.params.id), principalOf(res), options(q)));
  });
  const decide: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(view, req.query);
    const body = parseInput(decision, req.body);
    const record = await decideApproval(store, recordId(req.params.id), principalOf(res), body, options(q));
    res.status(201).location(`/api/v1/approvals/${record.id}`).json(record);
  });
  const correct: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(view, req.query);
    const body = parseInput(correction, req.body);
    const record = await correctApproval(store, recordId(req.params.id), principalOf(res), body, options(q));
    res.status(201).location(`/api/v1/approvals/${record.id}`).json(record);
  });
  const warnings: RequestHandler = approvalHandler(async (req, res) => {
    const q = parseInput(
      view.extend({
        district: z
          .string()
          .regex(/^[0-9]{6}$/)
          .optional(),
        stage: z
          .enum(['land_use_planning', 'construction_planning', 'construction', 'completion'])
          .optional(),
        department: z.string().min(1).optional(),
        level: z
          .string()
          .transform((s) => s.split(',').map((l) => l.trim()))
          .pipe(z.array(z.enum(LEVELS)).min(1))
          .optional(),
      }),
      req.query,
    );
    const found = await approvalWarnings(
      store,
      principalOf(res),
      {
        ...(q.district ? { district: q.district } : {}),
        ...(q.stage ? { stage: q.stage } : {}),
        ...(q.department ? { department: q.department } : {}),
        ...(q.level ? { levels: q.level } : {}),
      },
      options(q),
    );
    res.json({ asOf: q.asOf ?? null, nearLimitDays: q.nearLimitDays, count: found.length, warnings: found });
  });
  const catalogue: RequestHandler = approvalHandler(async (_req, res) => {
    res.json({ stages: await approvalCatalogue(store) });
  });
  return { list, create, read, decide, correct, warnings, catalogue };
}
