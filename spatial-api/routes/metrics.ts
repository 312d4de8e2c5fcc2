// GET /api/v1/metrics: Prometheus text, for admins and keys issued for the metrics service; GET
// /api/v1/service-levels: the same service levels as JSON for the admin's view.
import type { RequestHandler } from 'express';
import type { Metrics } from '../hardening/metrics';

export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

export function serviceLevelsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.json(await metrics.serviceLevels.levels());
  };
}
