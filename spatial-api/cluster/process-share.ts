// One server process's share of what the settings bound for the whole platform: database connections,
// tile cache memory, gdalwarp children, render threads and the per-caller rate limits (each process counts only the
// requests it is handed, about 1/n of a caller's when the primary deals connections round-robin).
import type { Config } from '../config';

const share = (total: number, processes: number, least: number) =>
  Math.max(least, Math.ceil(total / processes));

export function shareOf(config: Config, processes: number): Config {
  if (processes <= 1) return config;
  const limits = config.hardening.rateLimits;
  return {
    ...config,
    databasePoolSize: share(config.databasePoolSize, processes, 2),
    tileCacheBytes: Math.floor(config.tileCacheBytes / processes),
    gdalMaxProcesses: share(config.gdalMaxProcesses, processes, 1),
    // two at least, so a street map is not queued behind a city map in the same process
    renderThreads: share(config.renderThreads, processes, 2),
    hardening: {
      ...config.hardening,
      rateLimits: {
        servicesPerMinute: share(limits.servicesPerMinute, processes, 1),
        signInPerMinute: share(limits.signInPerMinute, processes, 1),
        checksPerMinute: share(limits.checksPerMinute, processes, 1),
      },
    },
  };
}
