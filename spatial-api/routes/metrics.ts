// GET /api/v1/metrics: Prometheus text, for admins and keys issued for the metrics service; GET
// /api/v1/service-levels: the same service levels as JSON for the admin's view. Both cover every server
// process.
import type { RequestHandler } from 'express';
import { clusterMetrics } from '../cluster/cluster-metrics';
import type { Metrics } from '../hardening/metrics';
import { serviceLevelsOf } from '../hardening/service-levels';

export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    const registry = await clusterMetrics(metrics.registry);
    res.type(registry.contentType).send(await registry.metrics());
  };
}

export function serviceLevelsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.json(await serviceLevelsOf(await clusterMetrics(metrics.registry)));
  };
}
