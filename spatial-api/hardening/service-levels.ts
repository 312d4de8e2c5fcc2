// Service levels per city system (API key) and per layer: latency quantiles over a sliding window and
// error counts, for Prometheus and for the admin's view that flags a city system slower than the seed's
// 5 s (000_47be65e13b34693b.txt Art. 11).
import { Counter, Summary, type Registry, type RegistryContentType } from 'prom-client';

/** The seed's bound on a city system's wait for a map service. */
export const SERVICE_LEVEL_LIMIT_SECONDS = 5;

/** The window the quantiles cover: the last ten minutes, in five buckets. */
const WINDOW = { maxAgeSeconds: 600, ageBuckets: 5 };

export type ClientLabel = 'key' | 'layer';

export interface ServiceLevel {
  /** the API key's name, or the layer's code */
  name: string;
  /** requests and those answered with an error, since the process started */
  requests: number;
  errors: number;
  /** over the window; null when it saw no request */
  p50Seconds: number | null;
  p95Seconds: number | null;
  /** p95 over SERVICE_LEVEL_LIMIT_SECONDS */
  slow: boolean;
}

export interface ServiceLevels {
  windowSeconds: number;
  limitSeconds: number;
  clients: ServiceLevel[];
  layers: ServiceLevel[];
}

const metricName = (label: ClientLabel, what: 'duration_seconds' | 'requests_total' | 'errors_total') =>
  `one_blueprint_${label}_request_${what}`;

export class ServiceLevelMetrics {
  private readonly latency: Record<ClientLabel, Summary<'name'>>;
  private readonly requests: Record<ClientLabel, Counter<'name'>>;
  private readonly errors: Record<ClientLabel, Counter<'name'>>;

  constructor(registry: Registry) {
    const summary = (label: ClientLabel, help: string) =>
      new Summary({
        name: metricName(label, 'duration_seconds'),
        help,
        labelNames: ['name'],
        percentiles: [0.5, 0.95],
        ...WINDOW,
        // across server processes the slowest one's quantile stands (quantiles do not add up)
        aggregator: 'max',
        registers: [registry],
      });
    const counter = (label: ClientLabel, what: 'requests_total' | 'errors_total', help: string) =>
      new Counter({ name: metricName(label, what), help, labelNames: ['name'], registers: [registry] });
    this.latency = {
      key: summary('key', 'Latency of the requests of each API key (city system), last 10 minutes'),
      layer: summary('layer', 'Latency of the map service and tile requests of each layer, last 10 minutes'),
    };
    this.requests = {
      key: counter('key', 'requests_total', 'Requests of each API key'),
      layer: counter('layer', 'requests_total', 'Map service and tile requests of each layer'),
    };
    this.errors = {
      key: counter('key', 'errors_total', 'Requests of each API key answered with an error (4xx or 5xx)'),
      layer: counter('layer', 'errors_total', 'Requests of each layer answered with an error'),
    };
  }

  observe(label: ClientLabel, name: string, seconds: number, status: number): void {
    this.latency[label].observe({ name }, seconds);
    this.requests[label].inc({ name });
    if (status >= 400) this.errors[label].inc({ name });
  }
}

/** The service levels in a registry: this process's, or all processes' added up (cluster-metrics.ts). */
export async function serviceLevelsOf(
  registry: Pick<Registry<RegistryContentType>, 'getMetricsAsJSON'>,
): Promise<ServiceLevels> {
  const metrics = await registry.getMetricsAsJSON();
  const valuesOf = (name: string) => metrics.find((m) => m.name === name)?.values ?? [];
  const levelsOf = (label: ClientLabel): ServiceLevel[] => {
    const byName = new Map<string, ServiceLevel>();
    const entry = (name: string): ServiceLevel => {
      let level = byName.get(name);
      if (!level) {
        level = { name, requests: 0, errors: 0, p50Seconds: null, p95Seconds: null, slow: false };
        byName.set(name, level);
      }
      return level;
    };
    for (const value of valuesOf(metricName(label, 'requests_total')))
      entry(String(value.labels.name)).requests = value.value;
    for (const value of valuesOf(metricName(label, 'errors_total')))
      entry(String(value.labels.name)).errors = value.value;
    for (const value of valuesOf(metricName(label, 'duration_seconds'))) {
      const quantile = (value.labels as { quantile?: number }).quantile;
      const seconds = Number.isNaN(value.value) ? null : value.value;
      const level = entry(String(value.labels.name));
      if (quantile === 0.5) level.p50Seconds = seconds;
      else if (quantile === 0.95) level.p95Seconds = seconds;
    }
    const levels = [...byName.values()];
    for (const level of levels) level.slow = (level.p95Seconds ?? 0) > SERVICE_LEVEL_LIMIT_SECONDS;
    return levels.sort((a, b) => (b.p95Seconds ?? 0) - (a.p95Seconds ?? 0) || a.name.localeCompare(b.name));
  };
  return {
    windowSeconds: WINDOW.maxAgeSeconds,
    limitSeconds: SERVICE_LEVEL_LIMIT_SECONDS,
    clients: levelsOf('key'),
    layers: levelsOf('layer'),
  };
}
