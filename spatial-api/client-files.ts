// Serves the built map client: its hashed assets (client-assets.ts), and the single-page fallback: any
// other GET path gets index.html (never cached, so a new build is picked up at once) for react-router.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { clientAssets } from './client-assets';
import type { Guard } from './access/route-guard';

/** The paths of the client's pages: all but the API's, the tiles' and the OGC services'. */
export const CLIENT_PAGES = /^\/(?!api\/|tiles\/|ows|wms|wfs).*/;

export function clientFiles(clientDir: string, guard: Guard): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  router.use('/assets', clientAssets(path.join(clientDir, 'assets')));
  router.get(CLIENT_PAGES, guard('GET', String(CLIENT_PAGES)), (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('地图客户端尚未构建 / the map client is not built: run npm start');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
