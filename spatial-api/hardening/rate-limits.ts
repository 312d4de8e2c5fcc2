// Rate limits on the expensive endpoints (map drawing, feature downloads, checks, exports, sign-in), per
// signed-in user, per API key, or per address for anonymous callers; over the limit: 429 with Retry-After
// (an exception report on the OGC paths, the JSON error elsewhere).
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { principalOf } from '../access/principal-of';
import { AppError } from '../errors';

export interface RateLimitSettings {
  /** requests a minute per caller on the map services and exports */
  servicesPerMinute: number;
  /** sign-in attempts a minute per address */
  signInPerMinute: number;
  /** compliance checks, reports and feature downloads a minute per caller */
  checksPerMinute: number;
}

function callerKey(req: Request, res: Response): string {
  const principal = principalOf(res);
  if (principal.kind === 'user') return `user:${principal.user.id}`;
  if (principal.kind === 'api_key') return `key:${principal.key.id}`;
  return `ip:${ipKeyGenerator(req.ip ?? '')}`;
}

function limiter(
  perMinute: number,
  what: string,
  key: (req: Request, res: Response) => string,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_req, res, next) => {
      const retry = Number(res.getHeader('Retry-After') ?? 60);
      next(
        new AppError(
          429,
          'rate_limited',
          `${what}请求过于频繁，请${retry}秒后再试 / too many requests: retry in ${retry} s`,
          {
            retryAfterSeconds: retry,
          },
        ),
      );
    },
  });
}

export function servicesRateLimit(settings: RateLimitSettings): RequestHandler {
  return limiter(settings.servicesPerMinute, '地图服务', callerKey);
}

/** One budget per caller for the expensive REST work: checks, report downloads, feature exports. */
export function checksRateLimit(settings: RateLimitSettings): RequestHandler {
  return limiter(settings.checksPerMinute, '审查与导出', callerKey);
}

export function signInRateLimit(settings: RateLimitSettings): RequestHandler {
  return limiter(settings.signInPerMinute, '登录', (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`);
}
