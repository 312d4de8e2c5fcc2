// GET /api/v1/metrics: Prometheus text, for admins and keys issued for the metrics service.
import type { RequestHandler } from 'express';
import type { Metrics } from '../hardening/metrics';

export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
