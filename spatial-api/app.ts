// The Express application: the route table in one screen, then the client and the error handler.
import express, { type Express } from 'express';
import type { Pool } from 'pg';
import { clientFiles } from './client-files';
import { errorHandler, notFound } from './errors';
import { crsHandler } from './routes/crs';
import { healthHandler } from './routes/health';
import { getLayerHandler, listLayersHandler } from './routes/layers';
import { mvtHandler } from './tiles/mvt-handler';

export interface AppOptions {
  pool: Pool;
  clientDir: string;
}

export function createApp({ pool, clientDir }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/api/v1/health', healthHandler(pool));
  app.get('/api/v1/crs', crsHandler);
  app.get('/api/v1/layers', listLayersHandler(pool));
  app.get('/api/v1/layers/:code', getLayerHandler(pool));
  app.get('/tiles/:layer/:z/:x/:y.mvt', mvtHandler(pool));

  app.use('/api', (req, _res, next) =>
    next(notFound(`没有这个接口 / no such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(clientFiles(clientDir));
  app.use(errorHandler);
  return app;
}
