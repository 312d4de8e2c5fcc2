// The two refusals: nobody is signed in (401), or the one who is may not (403).
import { AppError } from '../errors';

export const unauthenticated = (
  message = '请先登录或提供API密钥 / sign in or give an API key',
  details: Record<string, unknown> = {},
) => new AppError(401, 'unauthenticated', message, details);

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(403, 'forbidden', message, details);
