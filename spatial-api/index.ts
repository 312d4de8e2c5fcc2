// spatial-api's public face: configuration, the app and the server.
export {
  conflictJobsOf,
  createApp,
  gdalProcessesOf,
  healthPoolOf,
  renderPoolOf,
  generalisationJobsOf,
  importJobsOf,
  readPoolOf,
  recordStoreOf,
} from './app';
export { generaliseLayers } from './generalisation/generalise-layers';
export type { AppConfig, AppOptions } from './app';
export { ConfigError, DEFAULT_ACCESS, DEFAULT_HARDENING, defaultServerProcesses, readConfig } from './config';
export type { Config, TrustProxy, WmsLimits } from './config';
export {
  checkConnection,
  createPool,
  DatabaseUnreachable,
  describeDatabase,
  SESSION_OPTIONS,
} from './database';
export { ROUTE_RULES } from './access/route-rules';
export type { RouteRule } from './access/route-rules';
export { AppError, badRequest, notFound } from './errors';
export { ensureSampleCity, PortInUse, startServer } from './server';
export type { RunningServer, StartOptions } from './server';
export { shareOf } from './cluster/process-share';
export { announceListening, startPrimary } from './cluster/primary';
export type { RunningPrimary } from './cluster/primary';
