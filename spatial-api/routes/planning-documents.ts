// A concluded task's opinion document (策划意见书) as PDF or DOCX, with the site map drawn by the WMS
// renderer (the drawings of the departments highlighted), and the files attached to its opinions.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RequestHandler, Response } from 'express';
import {
  opinionDocumentDocx,
  opinionDocumentFacts,
  opinionDocumentPdf,
  readTask,
  type DocumentFacts,
  type RecordStore,
} from '../../projects';
import { principalOf } from '../access/principal-of';
import { MAP_SIZES } from '../../compliance-rules';
import {
  DocumentMapDrawer,
  drawOverlay,
  frameAround,
  type DocumentMapOptions,
} from '../document-maps/site-map';
import { notFound } from '../errors';
import { planningHandler } from './planning-error';
import { attachmentStoreOf, type PlanningFiles } from './planning-tasks';
import type { Pool } from 'pg';

/** media types served as such; anything else is served as bytes to download */
const SERVED_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
]);

function attachment(res: Response, type: string, name: string, body: Buffer): void {
  res
    .status(200)
    .type(type)
    .set('content-disposition', `attachment; filename="${name}"`)
    .set('cache-control', 'private, no-store')
    .send(body);
}

async function siteMap(drawer: DocumentMapDrawer, facts: DocumentFacts): Promise<Buffer | null> {
  if (!facts.site) return null;
  const drawings = facts.task.opinions
    .map((o) => o.geometry)
    .filter((g): g is Record<string, unknown> => g !== null);
  const [site, ...shapes] = await drawer.toWebMercator([facts.site.geometry, ...drawings]);
  const { width, height } = MAP_SIZES.site;
  const frame = frameAround([site!, ...shapes], width, height);
  const base = await drawer.baseMap(
    facts.mapLayers.map((code) => ({ code })),
    frame,
  );
  return drawOverlay(base, frame, site!, shapes);
}

export function opinionDocumentHandler(
  records: RecordStore,
  pool: Pool,
  options: DocumentMapOptions,
  format: 'pdf' | 'docx',
): RequestHandler {
  const drawer = new DocumentMapDrawer(pool, options);
  return planningHandler(async (req, res) => {
    const facts = await opinionDocumentFacts(records, Number(req.params.id), principalOf(res));
    const map = await siteMap(drawer, facts);
    const name = `planning-opinions-${facts.task.id}.${format}`;
    if (format === 'pdf') attachment(res, 'application/pdf', name, await opinionDocumentPdf(facts, map));
    else
      attachment(
        res,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        name,
        await opinionDocumentDocx(facts, map),
      );
  });
}

export function opinionAttachmentHandler(records: RecordStore, files: PlanningFiles): RequestHandler {
  const store = attachmentStoreOf(files);
  return planningHandler(async (req, res) => {
    const sha256 = String(req.params.sha256);
    // the task's scope check first: a file is served only through a task its project lets one read
    const task = await readTask(records, Number(req.params.id), principalOf(res));
    // superseded opinions keep their files too
    const opinions = await records.models.PlanningOpinion.findAll({ where: { taskId: task.id } });
    const found = opinions.flatMap((o) => o.attachments).find((a) => a.sha256 === sha256);
    const file = store.pathOf(sha256);
    if (!found || !file)
      throw notFound(`策划任务${task.id}没有此附件 / task ${task.id} has no attachment ${sha256}`, {
        parameter: 'sha256',
        value: sha256,
      });
    const size = (await stat(file)).size;
    res
      .status(200)
      .type(SERVED_TYPES.has(found.mediaType) ? found.mediaType : 'application/octet-stream')
      .set('content-length', String(size))
      .set(
        'content-disposition',
        `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
      )
      .set('cache-control', 'private, no-store');
    createReadStream(file).pipe(res);
  });
}
