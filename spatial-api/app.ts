// The Express application: the route table in one screen, then the client and the error handler.
import os from 'node:os';
import express, { type Express } from 'express';
import type { Pool } from 'pg';
import { AuditTrail } from './access/audit-trail';
import { authenticate } from './access/authenticate';
import { ogcAccess } from './access/ogc-access';
import { guardedRoutes, routeGuard } from './access/route-guard';
import { ChildProcessPool } from './child-process-pool';
import { openReadPool, type ReadPool } from './replicas';
import { clientFiles } from './client-files';
import { DEFAULT_ACCESS, DEFAULT_HARDENING, type Config } from './config';
import { apiCors, servicesCors } from './hardening/cors-policy';
import { Metrics } from './hardening/metrics';
import { checksRateLimit, servicesRateLimit, signInRateLimit } from './hardening/rate-limits';
import { securityHeaders } from './hardening/security-headers';
import { databaseUnavailableHandler } from './database-unavailable';
import { errorHandler, notFound } from './errors';
import { jsonBody } from './json-body';
import { GeoServerSync } from './geoserver-sync';
import { ImportJobs } from './imports/import-jobs';
import { ConflictJobs } from './conflicts/conflict-jobs';
import { GeneralisationJobs } from './generalisation/generalisation-jobs';
import { DENSE_LAYER_FEATURES } from './tiles/tile-generalisation';
import { issueApiKeyHandler, listApiKeysHandler, revokeApiKeyHandler } from './routes/api-keys';
import { auditHandler, verifyAuditHandler } from './routes/audit';
import { codeListsHandler } from './routes/code-lists';
import {
  diffChecksHandler,
  getCheckHandler,
  listChecksHandler,
  runCheckHandler,
  verifyCheckHandler,
} from './routes/compliance-checks';
import { candidatesHandler } from './routes/compliance-candidates';
import { siteFileHandler } from './routes/compliance-site-files';
import { exportHandler, reportHandler } from './routes/compliance-reports';
import {
  conflictRunHandler,
  conflictSummaryHandler,
  recomputeConflictsHandler,
} from './routes/compliance-conflicts';
import {
  getRuleSetHandler,
  listRuleSetsHandler,
  listRuleSetVersionsHandler,
  putRuleSetHandler,
} from './routes/compliance-rule-sets';
import { metricsHandler, serviceLevelsHandler } from './routes/metrics';
import { opinionAttachmentHandler, opinionDocumentHandler } from './routes/planning-documents';
import {
  concludeTaskHandler,
  getTaskHandler,
  listTasksHandler,
  openTaskHandler,
  planningCatalogueHandler,
  projectTasksHandler,
  submitOpinionHandler,
} from './routes/planning-tasks';
import { jsonUnlessMultipart } from './routes/opinion-upload';
import { blueprintPageHandler, issueLinkHandler } from './routes/blueprint';
import { crsHandler } from './routes/crs';
import { locateHandler } from './routes/locate';
import { printHandler } from './routes/prints';
import {
  createDepartmentHandler,
  listDepartmentsHandler,
  listRolesHandler,
  updateDepartmentHandler,
} from './routes/departments';
import { healthHandler } from './routes/health';
import { healthConnection } from './routes/health-connection';
import { RenderPool } from './render-workers/render-pool';
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
import { OGC_PATHS, owsErrorHandler, owsRouter } from './ogc/ows-router';
import { requestId } from './request-id';
import { accessLog, createLogger } from './access-log';
import { RequestGate } from './ogc/request-gate';
import { requestCatalogScope } from './request-catalog';
import { wfsService } from './ogc/wfs';
import { wmsService } from './ogc/wms';
import {
  changePasswordHandler,
  currentSessionHandler,
  signInHandler,
  signOutHandler,
} from './routes/session';
import {
  createUserHandler,
  getUserHandler,
  listSessionsHandler,
  listUsersHandler,
  resetPasswordHandler,
  revokeSessionHandler,
  updateUserHandler,
} from './routes/users';
import { DEFAULT_NEAR_LIMIT_WORKING_DAYS, openRecordStore, type RecordStore } from '../projects';
import { approvalHandlers } from './routes/approvals';
import { calendarHandlers } from './routes/working-calendar';
import { statisticsHandlers } from './routes/statistics';
import {
  createProjectHandler,
  getProjectHandler,
  listProjectsHandler,
  updateProjectHandler,
} from './routes/projects';
import {
  diffSiteVersionsHandler,
  getSiteHandler,
  listSiteVersionsHandler,
  putSiteHandler,
  siteBody,
} from './routes/project-sites';
import { SAMPLE_CONFLICT_PAIRS } from '../compliance-rules';
import { mvtHandler } from './tiles/mvt-handler';
import { pngTileHandler } from './tiles/png-tile-handler';
import { TileCache } from './tiles/tile-cache';
import { TileCoverage } from './tiles/tile-coverage';
import { tileJsonHandler } from './tiles/tilejson-handler';

export type AppConfig = Pick<
  Config,
  | 'clientDir'
  | 'uploadDir'
  | 'rasterDir'
  | 'importMaxBytes'
  | 'tileCacheBytes'
  | 'wmsLimits'
  | 'gdalMaxProcesses'
  | 'trustProxy'
> &
  Partial<
    Pick<
      Config,
      | 'geoserver'
      | 'databaseUrl'
      | 'access'
      | 'hardening'
      | 'tls'
      | 'approvalNearLimitWorkingDays'
      | 'planningAttachmentMaxBytes'
      | 'generaliseMinFeatures'
      | 'databaseReplicaUrls'
      | 'replicaMaxLagMs'
      | 'statementTimeoutMs'
      | 'renderThreads'
      | 'renderThreadHeapMb'
      | 'renderThreadNice'
      | 'renderMapsPerThread'
    >
  >;

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
  // a new current version of a layer a conflict pair reads recomputes the planning conflicts in the background
  const conflicts = new ConflictJobs(pool, SAMPLE_CONFLICT_PAIRS, (code) => geoserver.layerChanged(code));
  // dense layers get their generalised form for small scales in the background: those lacking one now,
  // and each new current version
  const generalisations = new GeneralisationJobs(pool, config.generaliseMinFeatures ?? DENSE_LAYER_FEATURES);
  generalisations.catchUp();
  const jobs = new ImportJobs(pool, async (code) => {
    conflicts.layerPublished(code, 'import');
    generalisations.layerPublished(code);
    await geoserver.layerChanged(code);
  });
  const tiles = new TileCache(config.tileCacheBytes);
  const access = config.access ?? DEFAULT_ACCESS;
  const hardening = config.hardening ?? DEFAULT_HARDENING;
  const metrics = new Metrics(pool, () => jobs.runningCount());
  const trail = new AuditTrail(pool);
  const guard = routeGuard(pool, trail);
  const route = guardedRoutes(app, guard);
  // one bound on gdalwarp children for WMS and image tiles together
  const gdal = new ChildProcessPool(config.gdalMaxProcesses);
  // the threads maps and image tiles are painted and encoded on, closed with the server
  const renderThreads = Math.max(2, config.renderThreads ?? os.availableParallelism());
  const renders = new RenderPool({
    threads: renderThreads,
    heapMb: config.renderThreadHeapMb ?? 2048,
    nice: config.renderThreadNice ?? 10,
    mapsAtOnce: renderThreads * (config.renderMapsPerThread ?? 1),
  });
  app.locals.renderPool = renders;
  // the health check's own connection, closed with the server
  const healthPool = healthConnection(pool);
  app.locals.healthPool = healthPool;
  app.locals.tileCache = tiles;
  app.locals.importJobs = jobs;
  app.locals.conflictJobs = conflicts;
  app.locals.generalisationJobs = generalisations;
  app.locals.gdalProcesses = gdal;
  // Sequelize for the project records; connects on first use, closed with the server
  const records = openRecordStore(pool);
  app.locals.recordStore = records;
  // the read-only services' queries: on hot standbys when DATABASE_REPLICA_URLS names some
  const reads = openReadPool(
    pool,
    {
      replicaUrls: config.databaseReplicaUrls ?? [],
      maxLagMs: config.replicaMaxLagMs ?? 5000,
      statementTimeoutMs: config.statementTimeoutMs ?? 0,
    },
    metrics.registry,
  );
  app.locals.readPool = reads;
  app.disable('x-powered-by');
  app.set('etag', false);
  // X-Forwarded-* count only from these proxies (req.protocol, req.host, req.ip)
  app.set('trust proxy', config.trustProxy);
  app.use(requestId);
  app.use(accessLog(createLogger()));
  const json = jsonBody('1mb');

  app.use(metrics.middleware());
  app.use(securityHeaders(hardening.frameAncestors, config.tls !== undefined));
  app.use([...OGC_PATHS, '/tiles'], servicesCors());
  app.use('/api', apiCors(hardening.corsOrigins));
  // who is asking matters to the API and the services, not to the client's files
  app.use(['/api', ...OGC_PATHS, '/tiles'], authenticate(pool, access.session));
  // health before the services' pool, gate and rate limits, on its own connection
  route.get('/api/v1/health', healthHandler(healthPool, reads.replicas));
  app.use(['/api', ...OGC_PATHS, '/tiles'], reads.middleware, requestCatalogScope());
  app.use(OGC_PATHS, servicesRateLimit(hardening.rateLimits));

  route.get('/api/v1/crs', crsHandler);
  route.get('/api/v1/code-lists', codeListsHandler);

  route.post(
    '/api/v1/session',
    signInRateLimit(hardening.rateLimits),
    json,
    signInHandler(pool, trail, access),
  );
  route.get('/api/v1/session', currentSessionHandler);
  route.delete('/api/v1/session', signOutHandler(pool, trail));
  route.put('/api/v1/session/password', json, changePasswordHandler(pool));
  route.get('/api/v1/users', listUsersHandler(pool));
  route.post('/api/v1/users', json, createUserHandler(pool));
  route.get('/api/v1/users/:id', getUserHandler(pool));
  route.patch('/api/v1/users/:id', json, updateUserHandler(pool));
  route.put('/api/v1/users/:id/password', json, resetPasswordHandler(pool));
  route.get('/api/v1/sessions', listSessionsHandler(pool));
  route.delete('/api/v1/sessions/:id', revokeSessionHandler(pool));
  route.get('/api/v1/departments', listDepartmentsHandler(pool));
  route.post('/api/v1/departments', json, createDepartmentHandler(pool));
  route.patch('/api/v1/departments/:id', json, updateDepartmentHandler(pool));
  route.get('/api/v1/roles', listRolesHandler(pool));
  route.get('/api/v1/api-keys', listApiKeysHandler(pool));
  route.post('/api/v1/api-keys', json, issueApiKeyHandler(pool));
  route.delete('/api/v1/api-keys/:id', revokeApiKeyHandler(pool));
  route.get('/api/v1/audit', auditHandler(pool));
  route.get('/api/v1/audit/verify', verifyAuditHandler(pool));
  route.get('/api/v1/metrics', metricsHandler(metrics));
  route.get('/api/v1/service-levels', serviceLevelsHandler(metrics));

  route.get('/api/v1/layers', listLayersHandler(reads.pool));
  route.post('/api/v1/layers', json, createLayerHandler(pool));
  route.get('/api/v1/layers/:code', getLayerHandler(reads.pool));
  route.patch('/api/v1/layers/:code', json, updateLayerHandler(pool, geoserver));
  route.delete('/api/v1/layers/:code', deleteLayerHandler(pool, geoserver));
  route.get('/api/v1/layers/:code/features', featuresHandler(reads.pool));
  route.get('/api/v1/layers/:code/versions', listVersionsHandler(reads.pool));
  route.get('/api/v1/layers/:code/versions/:version/report', versionReportHandler(reads.pool));
  route.post(
    '/api/v1/layers/:code/rollback',
    json,
    rollbackHandler(pool, geoserver, (code) => {
      conflicts.layerPublished(code, 'rollback');
      generalisations.layerPublished(code);
    }),
  );
  route.get('/api/v1/layers/:code/diff', diffHandler(reads.pool));
  route.post('/api/v1/layers/:code/imports', startImportHandler(pool, jobs, config));
  route.get('/api/v1/imports/:id', importJobHandler(jobs));
  route.get('/api/v1/compliance/rule-sets', listRuleSetsHandler(pool));
  route.get('/api/v1/compliance/rule-sets/:code', getRuleSetHandler(pool));
  route.put('/api/v1/compliance/rule-sets/:code', json, putRuleSetHandler(pool));
  const checksLimit = checksRateLimit(hardening.rateLimits);
  route.post('/api/v1/compliance/checks', checksLimit, json, runCheckHandler(pool));
  route.get('/api/v1/compliance/checks', listChecksHandler(pool));
  route.get('/api/v1/compliance/checks/:id', getCheckHandler(pool));
  route.get('/api/v1/compliance/checks/:id/diff/:otherId', diffChecksHandler(pool));
  const reportMaps = { rasterDir: config.rasterDir, processes: gdal, renders };
  route.get('/api/v1/compliance/checks/:id/report.pdf', checksLimit, reportHandler(pool, reportMaps, 'pdf'));
  route.get(
    '/api/v1/compliance/checks/:id/report.docx',
    checksLimit,
    reportHandler(pool, reportMaps, 'docx'),
  );
  route.get('/api/v1/compliance/checks/:id/export', checksLimit, exportHandler(pool));
  route.get('/api/v1/compliance/verify/:code', verifyCheckHandler(pool));
  route.get('/api/v1/projects', listProjectsHandler(pool));
  route.post('/api/v1/projects', json, createProjectHandler(records));
  route.get('/api/v1/projects/:code', getProjectHandler(pool, records));
  route.patch('/api/v1/projects/:code', json, updateProjectHandler(records));
  route.put('/api/v1/projects/:code/site', siteBody(json), putSiteHandler(pool, records, config));
  route.get('/api/v1/projects/:code/site', getSiteHandler(pool, records));
  route.get('/api/v1/projects/:code/site/versions', listSiteVersionsHandler(pool, records));
  route.get('/api/v1/projects/:code/site/versions/:a/diff/:b', diffSiteVersionsHandler(pool, records));
  // approval records, the working-day calendar and statistics (projects/approvals, projects/statistics)
  const approvals = approvalHandlers(
    records,
    config.approvalNearLimitWorkingDays ?? DEFAULT_NEAR_LIMIT_WORKING_DAYS,
  );
  route.get('/api/v1/projects/:code/approvals', approvals.list);
  route.post('/api/v1/projects/:code/approvals', json, approvals.create);
  route.get('/api/v1/approvals/warnings', approvals.warnings);
  route.get('/api/v1/approvals/catalogue', approvals.catalogue);
  route.get('/api/v1/approvals/:id', approvals.read);
  route.post('/api/v1/approvals/:id/decision', json, approvals.decide);
  route.post('/api/v1/approvals/:id/correction', json, approvals.correct);
  const calendar = calendarHandlers(records);
  route.get('/api/v1/calendar/:year', calendar.read);
  route.put('/api/v1/calendar/:year', json, calendar.replace);
  const statistics = statisticsHandlers(records);
  route.get('/api/v1/statistics/projects', statistics.projects);
  route.get('/api/v1/statistics/approvals', statistics.approvals);
  // the admin screens: a rule set's versions, for its editor's history
  route.get('/api/v1/compliance/rule-sets/:code/versions', listRuleSetVersionsHandler(pool));
  // planning generation (项目策划生成)
  const planningFiles = {
    uploadDir: config.uploadDir,
    attachmentMaxBytes: config.planningAttachmentMaxBytes ?? 20 * 1024 ** 2,
  };
  route.get('/api/v1/planning-catalogue', planningCatalogueHandler(planningFiles));
  route.get('/api/v1/projects/:code/planning-tasks', projectTasksHandler(records));
  route.post('/api/v1/projects/:code/planning-tasks', json, openTaskHandler(records));
  route.get('/api/v1/planning-tasks', listTasksHandler(records));
  route.get('/api/v1/planning-tasks/:id', getTaskHandler(records));
  route.post(
    '/api/v1/planning-tasks/:id/opinions',
    jsonUnlessMultipart(json),
    submitOpinionHandler(records, planningFiles),
  );
  route.post('/api/v1/planning-tasks/:id/conclusion', json, concludeTaskHandler(records));
  route.get(
    '/api/v1/planning-tasks/:id/attachments/:sha256',
    opinionAttachmentHandler(records, planningFiles),
  );
  route.get(
    '/api/v1/planning-tasks/:id/opinion-document.pdf',
    checksLimit,
    opinionDocumentHandler(records, pool, reportMaps, 'pdf'),
  );
  route.get(
    '/api/v1/planning-tasks/:id/opinion-document.docx',
    checksLimit,
    opinionDocumentHandler(records, pool, reportMaps, 'docx'),
  );
  route.post('/api/v1/compliance/candidates', checksLimit, json, candidatesHandler(pool));
  route.post('/api/v1/compliance/conflicts/recompute', recomputeConflictsHandler(conflicts));
  route.get('/api/v1/compliance/conflicts/recomputes/:id', conflictRunHandler(conflicts));
  route.get('/api/v1/compliance/conflicts/summary', checksLimit, conflictSummaryHandler(pool));
  // the one-blueprint standard page: its data, and signed links to it
  route.get('/api/v1/blueprint', blueprintPageHandler(pool, records));
  route.post('/api/v1/blueprint-links', json, issueLinkHandler(pool, records));
  // the workbench's tools: the locate box's place search and the map print
  route.get('/api/v1/locate', locateHandler(pool));
  route.post('/api/v1/prints', checksLimit, printHandler());
  // the compliance page: a site file read for editing
  route.post('/api/v1/compliance/site-files', checksLimit, siteFileHandler(pool, config));
  route.get('/tiles/:layer.json', tileJsonHandler(reads.pool));
  route.get('/tiles/:layer/:z/:x/:y.mvt', mvtHandler(reads.pool, tiles, new TileCoverage(reads.pool)));
  route.get(
    '/tiles/:layer/:z/:x/:y.png',
    pngTileHandler(reads.pool, {
      rasterDir: config.rasterDir,
      processes: gdal,
      renders,
      maxRenderingMs: config.wmsLimits.maxRenderingMs,
    }),
  );
  const wms = wmsService(reads.pool, {
    rasterDir: config.rasterDir,
    processes: gdal,
    renders,
    limits: config.wmsLimits,
  });
  app.use(
    owsRouter(
      [wfsService(reads.pool), wms],
      guard,
      ogcAccess(pool, trail),
      RequestGate.forPool(pool.options.max ?? 10),
    ),
  );

  app.use('/api', (req, _res, next) =>
    next(notFound(`没有这个接口 / no such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(clientFiles(config.clientDir, guard));
  app.use(OGC_PATHS, owsErrorHandler());
  app.use(databaseUnavailableHandler);
  app.use(errorHandler);
  return app;
}

export function importJobsOf(app: Express): ImportJobs {
  return app.locals.importJobs as ImportJobs;
}

/** The background builds of generalised forms of dense layers. */
export function generalisationJobsOf(app: Express): GeneralisationJobs {
  return app.locals.generalisationJobs as GeneralisationJobs;
}

/** The background recomputations of the planning conflicts. */
export function conflictJobsOf(app: Express): ConflictJobs {
  return app.locals.conflictJobs as ConflictJobs;
}

/** The project records' store, which the server closes when it stops. */
export function recordStoreOf(app: Express): RecordStore {
  return app.locals.recordStore as RecordStore;
}

/** The read side of the database (the standbys, when configured), which the server closes when it stops. */
export function readPoolOf(app: Express): ReadPool {
  return app.locals.readPool as ReadPool;
}

/** The app's render threads, which the server closes when it stops (and the tests look into). */
export function renderPoolOf(app: Express): RenderPool {
  return app.locals.renderPool as RenderPool;
}

/** The health check's own connection, which the server closes when it stops. */
export function healthPoolOf(app: Express): Pool {
  return app.locals.healthPool as Pool;
}

/** The app's pool of gdalwarp children, whose counts the tests read. */
export function gdalProcessesOf(app: Express): ChildProcessPool {
  return app.locals.gdalProcesses as ChildProcessPool;
}
