// POST /api/v1/layers/:code/imports (multipart upload, streamed to disk with a size limit) starts an
// import job; GET /api/v1/imports/:id reports its phase, progress and result.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import type { Pool } from 'pg';
import { crsDefinition } from '../../layers';
import type { Config } from '../config';
import { badRequest, notFound, tooLarge } from '../errors';
import type { ImportJobs } from '../imports/import-jobs';
import { principalOf } from '../access/principal-of';
import { requireLayerRecord } from './layer-versions';

export interface Upload {
  file: string;
  fileName: string;
  fields: Record<string, string>;
}

export function receiveUpload(req: Request, dir: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxBytes, fields: 20 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(
        badRequest('请以multipart/form-data上传文件 / upload the file as multipart/form-data', {
          parameter: 'file',
        }),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let saved: Promise<{ file: string; fileName: string; truncated: boolean }> | undefined;
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const fileName = path.basename(info.filename || 'upload');
      const file = path.join(dir, `${randomUUID()}${path.extname(fileName).toLowerCase()}`);
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      saved = pipeline(stream, createWriteStream(file)).then(() => ({ file, fileName, truncated }));
    });
    parser.on('error', (error: Error) =>
      reject(
        badRequest(`上传内容无法解析 / the upload cannot be parsed: ${error.message}`, { parameter: 'file' }),
      ),
    );
    parser.on('close', () => {
      if (!saved) {
        reject(
          badRequest('缺少上传文件（字段名file） / no file uploaded (field "file")', { parameter: 'file' }),
        );
        return;
      }
      saved.then(async (s) => {
        if (s.truncated) {
          await rm(s.file, { force: true });
          reject(
            tooLarge(
              `文件超过上传上限${maxBytes}字节 / the file is over the upload limit of ${maxBytes} bytes`,
              { parameter: 'file', limitBytes: maxBytes },
            ),
          );
        } else {
          resolve({ file: s.file, fileName: s.fileName, fields });
        }
      }, reject);
    });
    req.pipe(parser);
  });
}

export function startImportHandler(
  pool: Pool,
  jobs: ImportJobs,
  config: Pick<Config, 'uploadDir' | 'rasterDir' | 'importMaxBytes'>,
): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    await mkdir(config.uploadDir, { recursive: true });
    const upload = await receiveUpload(req, config.uploadDir, config.importMaxBytes);
    try {
      const { srs, encoding, note, sourceLayer } = upload.fields;
      if (srs && !crsDefinition(srs))
        throw badRequest(`不支持的坐标系“${srs}”，请用EPSG编号如EPSG:4538 / unknown CRS "${srs}"`, {
          parameter: 'srs',
          value: srs,
        });
      if (encoding && encoding !== 'UTF-8' && encoding !== 'GBK')
        throw badRequest('编码只能是UTF-8或GBK / encoding must be UTF-8 or GBK', {
          parameter: 'encoding',
          value: encoding,
        });
      const uploader = principalOf(res);
      const id = await jobs.create(layer.id, upload.fileName);
      jobs.start(id, {
        layer: layer.code,
        file: upload.file,
        fileName: upload.fileName,
        rasterDir: config.rasterDir,
        ...(srs ? { srs } : {}),
        ...(encoding ? { encoding: encoding as 'UTF-8' | 'GBK' } : {}),
        ...(note ? { note } : {}),
        ...(sourceLayer ? { sourceLayer } : {}),
        createdBy: uploader.kind === 'user' ? uploader.user.id : null,
      });
      res
        .status(202)
        .location(`/api/v1/imports/${id}`)
        .json({ job: await jobs.get(id) });
    } catch (error) {
      await rm(upload.file, { force: true });
      throw error;
    }
  };
}

export function importJobHandler(jobs: ImportJobs): RequestHandler {
  return async (req, res) => {
    const job = await jobs.get(String(req.params.id));
    if (!job)
      throw notFound(`导入任务不存在 / no import job "${req.params.id}"`, {
        parameter: 'id',
        value: req.params.id,
      });
    res.json({ job });
  };
}
