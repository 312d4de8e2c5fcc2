// GET /api/v1/crs: the proj4 definitions of every accepted CRS, so the client shares the server's list.
import type { RequestHandler } from 'express';
import { CRS_DEFINITIONS } from '../../layers';

export const crsHandler: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=86400').json({ definitions: CRS_DEFINITIONS });
};
