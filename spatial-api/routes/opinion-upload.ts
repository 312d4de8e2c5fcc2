// An opinion with attachments arrives as multipart/form-data: the field `opinion` holds its JSON, each file
// field `attachments` one file, streamed to a temporary file while its SHA-256 is computed; a file over the
// limit is refused with 413 naming `attachments` and every file of the request is removed again.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import type { ReceivedFile } from '../../projects';
import { badRequest, tooLarge } from '../errors';

export const MAX_ATTACHMENTS = 10;

export interface OpinionUpload {
  body: unknown;
  files: ReceivedFile[];
}

/** JSON bodies go through the JSON parser; multipart ones are left to receiveOpinion. */
export function jsonUnlessMultipart(json: RequestHandler): RequestHandler {
  return (req, res, next) => (req.is('multipart/form-data') ? next() : json(req, res, next));
}

async function removeAll(files: { tempPath: string }[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.tempPath, { force: true })));
}

export function removeReceived(files: ReceivedFile[]): Promise<void> {
  return removeAll(files);
}

function receiveMultipart(req: Request, dir: string, maxBytes: number): Promise<OpinionUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: MAX_ATTACHMENTS, fileSize: maxBytes, fields: 5, fieldSize: 1024 * 1024 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(badRequest('上传内容无法解析 / the upload cannot be parsed', { parameter: 'body' }));
      return;
    }
    let opinion: string | undefined;
    let tooMany = false;
    const saving: Promise<ReceivedFile & { truncated: boolean }>[] = [];
    parser.on('field', (name, value) => {
      if (name === 'opinion') opinion = value;
    });
    parser.on('filesLimit', () => (tooMany = true));
    parser.on('file', (name, stream, info) => {
      if (name !== 'attachments') {
        stream.resume();
        return;
      }
      const tempPath = path.join(dir, randomUUID());
      const hash = createHash('sha256');
      let sizeBytes = 0;
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      saving.push(
        pipeline(stream, measure, createWriteStream(tempPath)).then(() => ({
          tempPath,
          name: path.basename(info.filename || 'attachment').slice(0, 200),
          mediaType: info.mimeType || 'application/octet-stream',
          sizeBytes,
          sha256: hash.digest('hex'),
          truncated,
        })),
      );
    });
    parser.on('error', (error: Error) =>
      reject(
        badRequest(`上传内容无法解析 / the upload cannot be parsed: ${error.message}`, { parameter: 'body' }),
      ),
    );
    parser.on('close', () => {
      Promise.allSettled(saving).then(async (settled) => {
        const files = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        const oversized = files.find((f) => f.truncated);
        if (failed || oversized || tooMany) {
          await removeAll(files);
          if (failed) reject(failed.reason as Error);
          else if (oversized)
            reject(
              tooLarge(
                `附件“${oversized.name}”超过上限${maxBytes}字节 / attachment ${oversized.name} is over the limit of ${maxBytes} bytes`,
                { parameter: 'attachments', limitBytes: maxBytes, name: oversized.name },
              ),
            );
          else
            reject(
              badRequest(`附件最多${MAX_ATTACHMENTS}个 / at most ${MAX_ATTACHMENTS} attachments`, {
                parameter: 'attachments',
              }),
            );
          return;
        }
        let body: unknown;
        try {
          body = opinion === undefined ? {} : JSON.parse(opinion);
        } catch {
          await removeAll(files);
          reject(
            badRequest('字段opinion不是有效的JSON / the field "opinion" is not valid JSON', {
              parameter: 'opinion',
            }),
          );
          return;
        }
        resolve({ body, files: files.map(({ truncated: _t, ...f }) => f) });
      }, reject);
    });
    req.pipe(parser);
  });
}

/** The opinion's body and files, from JSON (no files) or multipart. */
export async function receiveOpinion(req: Request, dir: string, maxBytes: number): Promise<OpinionUpload> {
  if (!req.is('multipart/form-data')) return { body: req.body, files: [] };
  await mkdir(dir, { recursive: true });
  return receiveMultipart(req, dir, maxBytes);
}
