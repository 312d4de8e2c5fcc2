// The Express application: the route table in one screen, then the client and the error handler.
import express, { type Express } from 'express';
import type { Pool } from 'pg';
import { clientFiles } from './client-files';
import type { Config } from './config';
import { databaseUnavailableHandler } from './database-unavailable';
import { errorHandler, notFound } from './errors';
import { GeoServerSync } from './geoserver-sync';
import { ImportJobs } from './imports/import-jobs';
import { codeListsHandler } from './routes/code-lists';
import { crsHandler } from './routes/crs';
import { healthHandler } from './routes/health';
import { importJobHandler, startImportHandler } from './routes/imports';
import { featuresHandler } from './routes/layer-features';
import {
  diffHandler,
  listVersionsHandler,
  rollbackHandler,
  versionReportHandler,
} from './routes/layer-versions';
import {
  createLayerHandler,
  deleteLayerHandler,
  getLayerHandler,
  listLayersHandler,
  updateLayerHandler,
} from './routes/layers';
import { owsRouter } from './ogc/ows-router';
import { wfsService } from './ogc/wfs';
import { wmsService } from './ogc/wms';
import { mvtHandler } from './tiles/mvt-handler';
import { pngTileHandler } from './tiles/png-tile-handler';
import { TileCache } from './tiles/tile-cache';
import { TileCoverage } from './tiles/tile-coverage';
import { tileJsonHandler } from './tiles/tilejson-handler';

export type AppConfig = Pick<
  Config,
  'clientDir' | 'uploadDir' | 'rasterDir' | 'importMaxBytes' | 'tileCacheBytes'
> &
  Partial<Pick<Config, 'geoserver' | 'databaseUrl'>>;

export interface AppOptions {
  pool: Pool;
  config: AppConfig;
}

export function createApp({ pool, config }: AppOptions): Express {
  const app = express();
  const geoserver = new GeoServerSync(pool, {
    geoserver: config.geoserver,
    databaseUrl: config.databaseUrl ?? '',
  });
  const jobs = new ImportJobs(pool, (code) => geoserver.layerChanged(code));
  const tiles = new TileCache(config.tileCacheBytes);
  app.locals.tileCache = tiles;
  app.locals.importJobs = jobs;
  app.disable('x-powered-by');
  app.set('etag', false);
  const json = express.json({ limit: '1mb' });

  app.get('/api/v1/health', healthHandler(pool));
  app.get('/api/v1/crs', crsHandler);
  app.get('/api/v1/code-lists', codeListsHandler);
  app.get('/api/v1/layers', listLayersHandler(pool));
  app.post('/api/v1/layers', json, createLayerHandler(pool));
  app.get('/api/v1/layers/:code', getLayerHandler(pool));
  app.patch('/api/v1/layers/:code', json, updateLayerHandler(pool, geoserver));
  app.delete('/api/v1/layers/:code', deleteLayerHandler(pool, geoserver));
  app.get('/api/v1/layers/:code/features', featuresHandler(pool));
  app.get('/api/v1/layers/:code/versions', listVersionsHandler(pool));
  app.get('/api/v1/layers/:code/versions/:version/report', versionReportHandler(pool));
  app.post('/api/v1/layers/:code/rollback', json, rollbackHandler(pool, geoserver));
  app.get('/api/v1/layers/:code/diff', diffHandler(pool));
  app.post('/api/v1/layers/:code/imports', startImportHandler(pool, jobs, config));
  app.get('/api/v1/imports/:id', importJobHandler(jobs));
  app.get('/tiles/:layer.json', tileJsonHandler(pool));
  app.get('/tiles/:layer/:z/:x/:y.mvt', mvtHandler(pool, tiles, new TileCoverage(pool)));
  app.get('/tiles/:layer/:z/:x/:y.png', pngTileHandler(pool, config.rasterDir));
  app.use(owsRouter([wfsService(pool), wmsService(pool, { rasterDir: config.rasterDir })]));

  app.use('/api', (req, _res, next) =>
    next(notFound(`没有这个接口 / no such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(clientFiles(config.clientDir));
  app.use(databaseUnavailableHandler);
  app.use(errorHandler);
  return app;
}

export function importJobsOf(app: Express): ImportJobs {
  return app.locals.importJobs as ImportJobs;
}
