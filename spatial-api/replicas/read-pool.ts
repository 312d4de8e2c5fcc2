// The read side of the database for the read-only services: the primary's own pool when no standby is
// configured, otherwise the routing pool over the standbys, which the server closes when it stops.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { readAfterWrite } from './read-after-write';
import { ReadRouter } from './read-router';
import { registerReplicaMetrics } from './replica-metrics';
import { DEFAULT_REPLICA_SETTINGS, ReplicaSet } from './replica-set';

export interface ReadPool {
  /** what the read-only services query */
  pool: Pool;
  /** the standbys, when there are any */
  replicas: ReplicaSet | null;
  router: ReadRouter | null;
  /** marks writers and pins each request's reads (a pass-through without standbys) */
  middleware: RequestHandler;
  close(): Promise<void>;
}

export interface ReadPoolSettings {
  replicaUrls: string[];
  maxLagMs: number;
  statementTimeoutMs: number;
}

export function openReadPool(primary: Pool, settings: ReadPoolSettings, registry: Registry): ReadPool {
  if (settings.replicaUrls.length === 0) {
    return {
      pool: primary,
      replicas: null,
      router: null,
      middleware: (_req, _res, next) => next(),
      close: async () => undefined,
    };
  }
  const replicas = new ReplicaSet(primary, settings.replicaUrls, {
    ...DEFAULT_REPLICA_SETTINGS,
    maxLagMs: settings.maxLagMs,
    poolSize: primary.options.max ?? DEFAULT_REPLICA_SETTINGS.poolSize,
    statementTimeoutMs: settings.statementTimeoutMs,
  });
  // until the first look the standbys are `starting` and the primary takes every read
  void replicas.start();
  const router = new ReadRouter(primary, replicas);
  registerReplicaMetrics(registry, router, replicas);
  return { pool: router.pool, replicas, router, middleware: readAfterWrite(), close: () => replicas.close() };
}
