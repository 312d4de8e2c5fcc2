// A map print arrives as multipart/form-data: the map image as the file field `map` (PNG) and the layout
// as the text fields `title`, `paper`, `metresPerPixel`, `legend` (JSON) and `notes` (JSON). Held in memory:
// the image is bounded by MAX_MAP_BYTES, and is not a body the audit log should copy.
import busboy from 'busboy';
import type { Request } from 'express';
import { badRequest, tooLarge } from '../errors';

export const MAX_MAP_BYTES = 32 * 1024 * 1024;

export interface PrintUpload {
  fields: Record<string, string>;
  map: Buffer | null;
}

export function receivePrint(req: Request): Promise<PrintUpload> {
  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(
        badRequest(
          '请求体应为multipart/form-data，含地图图片map / the body must be multipart/form-data with the file map',
          {
            parameter: 'map',
          },
        ),
      );
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: MAX_MAP_BYTES, fields: 10, fieldSize: 256 * 1024 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(badRequest('上传内容无法解析 / the upload cannot be parsed', { parameter: 'body' }));
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let hasMap = false;
    let truncated = false;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'map') {
        stream.resume();
        return;
      }
      hasMap = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', (error: Error) =>
      reject(
        badRequest(`上传内容无法解析 / the upload cannot be parsed: ${error.message}`, { parameter: 'body' }),
      ),
    );
    parser.on('close', () => {
      if (truncated) {
        reject(
          tooLarge(`地图图片超过${MAX_MAP_BYTES}字节 / the map image is over ${MAX_MAP_BYTES} bytes`, {
            parameter: 'map',
            limitBytes: MAX_MAP_BYTES,
          }),
        );
        return;
      }
      resolve({ fields, map: hasMap ? Buffer.concat(chunks) : null });
    });
    req.pipe(parser);
  });
}
