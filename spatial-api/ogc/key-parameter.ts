// The API key a request carried in its query (`apikey=`), to be carried on into the addresses a service
// document advertises (capabilities, TileJSON), so that clients following them keep reading what the key
// opens. Such a document is the caller's own: never cached publicly.
import type { Request, Response } from 'express';

/** `apikey=<key>` (encoded) when the request's query had one, else ''. */
export function keyQuery(req: Request): string {
  const entry = Object.entries(req.query).find(([k]) => k.toLowerCase() === 'apikey');
  return typeof entry?.[1] === 'string' && entry[1] !== '' ? `apikey=${encodeURIComponent(entry[1])}` : '';
}

/** Cache-Control of a service document: public when it names no key and no credentials were sent. */
export function documentCaching(req: Request, res: Response, maxAgeSeconds: number): void {
  const personal =
    keyQuery(req) !== '' || req.headers.authorization !== undefined || req.headers.cookie !== undefined;
  res.set('Cache-Control', `${personal ? 'private' : 'public'}, max-age=${maxAgeSeconds}`);
  if (personal) res.vary('Cookie');
}
