// Reading one's own writes through the standbys. Any write request to the API (POST, PUT, PATCH, DELETE) reads on the
// primary and marks its client with a cookie; at its first read of the services, a request from a client so
// marked asks the primary where its WAL is now (one small query: every write the client has seen answered
// is at or before it) and is given only a standby that has replayed that far, else the primary. Clients that never write (city systems reading maps) are never
// held back. The mark lasts an hour, longer than any import the write may have started.
import type { RequestHandler } from 'express';
import { readRoutes, type ReadRoute } from './read-router';

export const WROTE_COOKIE = 'ob_wrote';
const WROTE_MAX_AGE_MS = 60 * 60 * 1000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasWroteCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? '').split(';').some((part) => part.trim().startsWith(`${WROTE_COOKIE}=`));
}

export function readAfterWrite(): RequestHandler {
  return (req, res, next) => {
    // POST to the OGC services is a read (a GetFeature by XML): only the API's writes count
    const writes = WRITES.has(req.method) && req.originalUrl.startsWith('/api/');
    if (writes) {
      res.cookie(WROTE_COOKIE, '1', {
        maxAge: WROTE_MAX_AGE_MS,
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
      });
    }
    const route: ReadRoute = { writes, wrote: hasWroteCookie(req.headers.cookie) };
    readRoutes.run(route, next);
  };
}
