// Planning generation over REST: a project's tasks and opening one, the task list (waitingFor=me: the
// department's inbox), one task, a department's opinion (JSON, or multipart with attachments), the lead's
// conclusion, and the catalogues opinions draw from.
import path from 'node:path';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  ASSESSMENTS,
  AttachmentStore,
  concludeTask,
  CONDITION_KINDS,
  listTasks,
  openTask,
  planningOfProjectCode,
  readTask,
  submitOpinion,
  type RecordStore,
} from '../../projects';
import { principalOf } from '../access/principal-of';
import { parseInput } from '../request-body';
import { receiveOpinion, removeReceived } from './opinion-upload';
import { planningHandler } from './planning-error';

export interface PlanningFiles {
  uploadDir: string;
  attachmentMaxBytes: number;
}

export const attachmentStoreOf = (files: PlanningFiles) =>
  new AttachmentStore(path.join(files.uploadDir, 'planning-attachments'));

const taskId = (value: unknown) => Number(value);

export function projectTasksHandler(records: RecordStore): RequestHandler {
  return planningHandler(async (req, res) => {
    res.json({ tasks: await planningOfProjectCode(records, String(req.params.code), principalOf(res)) });
  });
}

export function openTaskHandler(records: RecordStore): RequestHandler {
  return planningHandler(async (req, res) => {
    const id = await openTask(records, String(req.params.code), req.body, principalOf(res));
    res
      .status(201)
      .location(`/api/v1/planning-tasks/${id}`)
      .json(await readTask(records, id, principalOf(res)));
  });
}

const listQuery = z.object({
  waitingFor: z.literal('me').optional(),
  status: z.enum(['open', 'concluded']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function listTasksHandler(records: RecordStore): RequestHandler {
  return planningHandler(async (req, res) => {
    const query = parseInput(listQuery, req.query);
    const { total, tasks } = await listTasks(records, principalOf(res), {
      waitingForMe: query.waitingFor === 'me',
      ...(query.status ? { status: query.status } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    res.json({ total, limit: query.limit, offset: query.offset, tasks });
  });
}

export function getTaskHandler(records: RecordStore): RequestHandler {
  return planningHandler(async (req, res) => {
    res.json(await readTask(records, taskId(req.params.id), principalOf(res)));
  });
}

export function submitOpinionHandler(records: RecordStore, files: PlanningFiles): RequestHandler {
  const attachments = attachmentStoreOf(files);
  return planningHandler(async (req, res) => {
    const upload = await receiveOpinion(
      req,
      path.join(files.uploadDir, 'planning-incoming'),
      files.attachmentMaxBytes,
    );
    try {
      const id = taskId(req.params.id);
      const opinionId = await submitOpinion(
        records,
        attachments,
        id,
        upload.body,
        upload.files,
        principalOf(res),
      );
      const task = await readTask(records, id, principalOf(res));
      res.status(201).json({ opinion: task.opinions.find((o) => o.id === opinionId), task });
    } finally {
      // files kept by the opinion were moved away; what is left was not kept
      await removeReceived(upload.files);
    }
  });
}

export function concludeTaskHandler(records: RecordStore): RequestHandler {
  return planningHandler(async (req, res) => {
    const id = taskId(req.params.id);
    await concludeTask(records, id, req.body, principalOf(res));
    res.json(await readTask(records, id, principalOf(res)));
  });
}

/** The catalogues, and the attachment size limit so that a form can refuse a large file before sending it. */
export function planningCatalogueHandler(files: PlanningFiles): RequestHandler {
  return (_req, res) => {
    res.json({
      assessments: ASSESSMENTS,
      conditionKinds: CONDITION_KINDS,
      attachmentMaxBytes: files.attachmentMaxBytes,
    });
  };
}
