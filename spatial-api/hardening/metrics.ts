// Prometheus metrics of one app (its own registry): requests by route, status, layer and API key with their
// latency (quantiles and errors per key and layer in service-levels.ts), the connection pool's use and the import jobs running.
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { principalOf } from '../access/principal-of';
import { reportMetricsTo } from '../cluster/cluster-metrics';
import { ServiceLevelMetrics } from './service-levels';

export class Metrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly byLayer: Counter<'layer' | 'service'>;
  private readonly byKey: Counter<'key'>;
  private readonly byProcess: Counter<'pid'>;
  readonly serviceLevels: ServiceLevelMetrics;

  constructor(pool: Pool, importsRunning: () => number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'one_blueprint_' });
    this.duration = new Histogram({
      name: 'one_blueprint_http_request_duration_seconds',
      help: 'HTTP requests by route and status, and how long they took',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.byLayer = new Counter({
      name: 'one_blueprint_layer_requests_total',
      help: 'Map service and tile requests by layer',
      labelNames: ['layer', 'service'],
      registers: [this.registry],
    });
    this.byKey = new Counter({
      name: 'one_blueprint_api_key_requests_total',
      help: 'Requests made with each API key',
      labelNames: ['key'],
      registers: [this.registry],
    });
    this.byProcess = new Counter({
      name: 'one_blueprint_process_requests_total',
      help: 'Requests answered by each server process (SERVER_PROCESSES share the port)',
      labelNames: ['pid'],
      registers: [this.registry],
    });
    this.serviceLevels = new ServiceLevelMetrics(this.registry);
    reportMetricsTo(this.registry);
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    gauge('one_blueprint_db_pool_connections', 'Connections the pool holds', () => pool.totalCount);
    gauge('one_blueprint_db_pool_idle', 'Idle connections in the pool', () => pool.idleCount);
    gauge('one_blueprint_db_pool_waiting', 'Queries waiting for a connection', () => pool.waitingCount);
    gauge('one_blueprint_import_jobs_running', 'Import jobs running in this process', importsRunning);
  }

  /** Counts and times every request once it is answered. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.duration.startTimer();
      res.on('finish', () => {
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'other';
        const seconds = end({ method: req.method, route, status: String(res.statusCode) });
        this.byProcess.inc({ pid: String(process.pid) });
        for (const layer of layersOf(req)) {
          this.byLayer.inc({ layer, service: serviceOf(req) });
          this.serviceLevels.observe('layer', layer, seconds, res.statusCode);
        }
        const principal = principalOf(res);
        if (principal.kind === 'api_key') {
          this.byKey.inc({ key: principal.key.name });
          this.serviceLevels.observe('key', principal.key.name, seconds, res.statusCode);
        }
      });
      next();
    };
  }
}

/** The request's path as it came in (req.path is relative to the router answering it, when mounted). */
function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '';
}

function serviceOf(req: Request): string {
  const path = pathOf(req);
  if (path.startsWith('/tiles/')) return 'tiles';
  const service = Object.entries(req.query).find(([k]) => k.toUpperCase() === 'SERVICE')?.[1];
  return typeof service === 'string' ? service.toUpperCase() : path.slice(1, 4).toUpperCase();
}

/** The layers a map service or tile request named (bounded, so that labels stay few). */
function layersOf(req: Request): string[] {
  const path = pathOf(req);
  if (path.startsWith('/tiles/')) {
    const code = path.match(/^\/tiles\/([a-z][a-z0-9_]{1,62})[/.]/)?.[1];
    return code ? [code] : [];
  }
  if (!/^\/(ows|wms|wfs)$/.test(path)) return [];
  const names = Object.entries(req.query)
    .filter(([k]) => ['LAYERS', 'TYPENAMES', 'TYPENAME', 'LAYER'].includes(k.toUpperCase()))
    .flatMap(([, v]) => String(v).split(','));
  return [
    ...new Set(
      names.map((n) => n.replace(/^.*:/, '').trim()).filter((n) => /^[a-z][a-z0-9_]{1,62}$/.test(n)),
    ),
  ].slice(0, 10);
}
