// The JSON body of the REST routes: a body of another media type is refused with 415 (rather than read as
// no body and refused for the first missing field), malformed or too deeply nested JSON with 400 (a deep
// object would overflow the stack of whatever walks it next) and an oversized one with 413, each naming
// the body.
import express, { type RequestHandler } from 'express';
import { AppError, tooLarge } from './errors';

const MAX_DEPTH = 64;

/** Whether the parsed value nests arrays and objects deeper than `limit`, walked without recursion. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    if (hasBody(req.headers) && !req.is(['application/json', 'application/*+json'])) {
      next(
        new AppError(
          415,
          'unsupported_media_type',
          `请求体应为JSON（Content-Type: application/json），而不是“${req.get('content-type') ?? '未声明'}” / the body must be JSON`,
          { parameter: 'body', contentType: req.get('content-type') ?? null },
        ),
      );
      return;
    }
    parse(req, res, (error?: unknown) => {
      const type = (error as { type?: string } | undefined)?.type;
      if (type === 'entity.too.large') {
        next(tooLarge(`请求体超过${limit} / the body is larger than ${limit}`, { parameter: 'body', limit }));
      } else if (type === 'entity.parse.failed') {
        next(
          new AppError(400, 'bad_request', '请求体不是有效的JSON / the body is not valid JSON', {
            parameter: 'body',
          }),
        );
      } else if (error === undefined && deeperThan(req.body, MAX_DEPTH)) {
        next(
          new AppError(
            400,
            'bad_request',
            `请求体嵌套超过${MAX_DEPTH}层 / the body nests deeper than ${MAX_DEPTH} levels`,
            { parameter: 'body', maxDepth: MAX_DEPTH },
          ),
        );
      } else {
        next(error);
      }
    });
  };
}
