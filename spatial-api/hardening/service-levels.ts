// Service levels per city system (API key) and per layer: latency quantiles over a sliding window and
// error counts, for Prometheus and for the admin's view that flags a city system slower than the seed's
// 5 s (000_47be65e13b34693b.txt Art. 11).
import { Counter, Summary, type Registry } from 'prom-client';

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

export class ServiceLevelMetrics {
  private readonly latency: Record<ClientLabel, Summary<'name'>>;
  private readonly errors: Record<ClientLabel, Counter<'name'>>;

  constructor(registry: Registry) {
    const summary = (label: ClientLabel, help: string) =>
      new Summary({
        name: `one_blueprint_${label}_request_duration_seconds`,
        help,
        labelNames: ['name'],
        percentiles: [0.5, 0.95],
        ...WINDOW,
        registers: [registry],
      });
    const counter = (label: ClientLabel, help: string) =>
      new Counter({
        name: `one_blueprint_${label}_request_errors_total`,
        help,
        labelNames: ['name'],
        registers: [registry],
      });
    this.latency = {
      key: summary('key', 'Latency of the requests of each API key (city system), last 10 minutes'),
      layer: summary('layer', 'Latency of the map service and tile requests of each layer, last 10 minutes'),
    };
    this.errors = {
      key: counter('key', 'Requests of each API key answered with an error (4xx or 5xx)'),
      layer: counter('layer', 'Map service and tile requests of each layer answered with an error'),
    };
  }

  observe(label: ClientLabel, name: string, seconds: number, status: number): void {
    this.latency[label].observe({ name }, seconds);
    if (status >= 400) this.errors[label].inc({ name });
  }

  async levels(): Promise<ServiceLevels> {
    return {
      windowSeconds: WINDOW.maxAgeSeconds,
      limitSeconds: SERVICE_LEVEL_LIMIT_SECONDS,
      clients: await this.levelsOf('key'),
      layers: await this.levelsOf('layer'),
    };
  }

  private async levelsOf(label: ClientLabel): Promise<ServiceLevel[]> {
    const [latency, errors] = await Promise.all([this.latency[label].get(), this.errors[label].get()]);
    const byName = new Map<string, ServiceLevel>();
    const entry = (name: string): ServiceLevel => {
      let level = byName.get(name);
      if (!level) {
        level = { name, requests: 0, errors: 0, p50Seconds: null, p95Seconds: null, slow: false };
        byName.set(name, level);
      }
      return level;
    };
    for (const value of latency.values) {
      const name = String(value.labels.name);
      const level = entry(name);
      const quantile = (value.labels as { quantile?: number }).quantile;
      const seconds = Number.isNaN(value.value) ? null : value.value;
      if (quantile === 0.5) level.p50Seconds = seconds;
      else if (quantile === 0.95) level.p95Seconds = seconds;
      else if (value.metricName?.endsWith('_count')) level.requests = value.value;
    }
    for (const value of errors.values) entry(String(value.labels.name)).errors = value.value;
    const levels = [...byName.values()];
    for (const level of levels) level.slow = (level.p95Seconds ?? 0) > SERVICE_LEVEL_LIMIT_SECONDS;
    return levels.sort((a, b) => (b.p95Seconds ?? 0) - (a.p95Seconds ?? 0) || a.name.localeCompare(b.name));
  }
}
