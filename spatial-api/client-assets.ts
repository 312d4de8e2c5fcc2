// GET /assets/…: the built client's content-hashed files. A hashed name never changes its bytes, so they are
// cached by browsers for a year as immutable; each is sent in the best precompressed form the browser
// accepts (brotli, then gzip, written beside it by the build) without compressing per request. A name that
// is not a built file is a plain 404, never the single-page fallback.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The encodings the build writes, best first, with the file suffix of each. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether the Accept-Encoding header takes `encoding` (listed and not `q=0`). */
export function accepts(acceptEncoding: string | undefined, encoding: string): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === encoding || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The file a request path names under the assets folder, or null when the path cannot be decoded. */
function assetFile(root: string, requestPath: string): string | null {
  try {
    return path.resolve(root, '.' + path.posix.normalize(decodeURIComponent(requestPath)));
  } catch {
    return null;
  }
}

export function clientAssets(assetsDir: string): RequestHandler {
  const root = path.resolve(assetsDir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = assetFile(root, req.path);
    // the precompressed forms are sent as encodings of their file, not asked for by name
    const inside = file !== null && file.startsWith(root + path.sep) && !/\.(br|gz)$/.test(file);
    if (!file || !inside || !isFile(file)) {
      res.status(404).type('text/plain; charset=utf-8').send('没有这个文件 / no such file');
      return;
    }
    const encoding = ENCODINGS.find(
      (e) => accepts(req.headers['accept-encoding'], e.name) && isFile(file + e.suffix),
    );
    res.vary('Accept-Encoding');
    res.type(path.extname(file));
    if (encoding) res.set('Content-Encoding', encoding.name);
    res.sendFile(encoding ? file + encoding.suffix : file, {
      headers: { 'Cache-Control': IMMUTABLE },
      cacheControl: false,
      dotfiles: 'deny',
    });
  };
}
