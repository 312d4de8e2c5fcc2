// One structured JSON line (pino) per answered request: its id (also in X-Request-Id), method, address with
// any API key masked, status, time taken and who asked. LOG_LEVEL sets what is written (default info;
// jest runs quiet at warn). Lines are written to standard output from libuv's thread pool, in order, rather
// than by a blocking write on the event loop per request; what is pending is flushed when the process exits.
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import { principalLabel } from '../accounts';
import { principalOf } from './access/principal-of';
import { requestIdOf } from './request-id';

export function createLogger(
  level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'warn' : 'info'),
): Logger {
  return pino(
    { level, base: { service: 'one-blueprint' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  );
}

/** The address as logged: an API key given in the query is never written. */
export function loggedUrl(url: string): string {
  return url.replace(/([?&]apikey=)[^&#]*/gi, '$1***');
}

export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          reqId: requestIdOf(req, res),
          method: req.method,
          url: loggedUrl(req.originalUrl),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          by: principalLabel(principalOf(res)),
        },
        'request',
      );
    });
    next();
  };
}
