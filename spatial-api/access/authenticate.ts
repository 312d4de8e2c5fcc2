// Establishes who is asking, once per request: an API key (Authorization: Bearer, or ?apikey= for city
// systems that can only set a URL), else a signed link on the standard page's own requests, else the
// session cookie, else nobody. A key that is given but unknown,
// revoked or expired is refused at once; a stale session cookie is simply no session.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { resolveApiKey, resolveSession, type SessionPolicy } from '../../accounts';
import { SESSION_COOKIE, readCookie } from './cookies';
import { unauthenticated } from './access-errors';
import { carriesSignedLink, signedLinkPrincipal } from './signed-link-access';

const KEY_PROBLEMS = {
  unknown: 'API密钥无效 / unknown API key',
  revoked: 'API密钥已被吊销 / the API key has been revoked',
  expired: 'API密钥已过期 / the API key has expired',
} as const;

function apiKeyOf(authorization: string | undefined, query: unknown): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  if (query && typeof query === 'object') {
    const entry = Object.entries(query).find(([k]) => k.toLowerCase() === 'apikey');
    if (typeof entry?.[1] === 'string' && entry[1] !== '') return entry[1];
  }
  return undefined;
}

export function authenticate(pool: Pool, policy: SessionPolicy): RequestHandler {
  return async (req, res, next) => {
    const key = apiKeyOf(req.headers.authorization, req.query);
    if (key) {
      const resolved = await resolveApiKey(pool, key);
      if ('refused' in resolved) {
        throw unauthenticated(KEY_PROBLEMS[resolved.refused], {
          parameter: 'apikey',
          reason: resolved.refused,
        });
      }
      res.locals.principal = resolved;
      res.locals.credential = 'api_key';
      next();
      return;
    }
    if (carriesSignedLink(req)) {
      res.locals.principal = await signedLinkPrincipal(pool, req);
      res.locals.credential = 'signed_link';
      next();
      return;
    }
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const principal = await resolveSession(pool, token, policy);
      if (principal) {
        res.locals.principal = principal;
        res.locals.credential = 'cookie';
      }
    }
    next();
  };
}
