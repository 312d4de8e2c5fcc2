// The standbys in /api/v1/metrics: where the read-only services' queries went, each standby's state and
// how far behind the primary it was at the last look.
import { Gauge, type Registry } from 'prom-client';
import type { ReadRouter } from './read-router';
import type { ReplicaSet } from './replica-set';

export function registerReplicaMetrics(registry: Registry, router: ReadRouter, replicas: ReplicaSet): void {
  new Gauge({
    name: 'one_blueprint_read_queries',
    help: 'Queries of the read-only services so far, by target (primary or standby)',
    labelNames: ['target'],
    registers: [registry],
    collect() {
      for (const [target, count] of router.queries) this.set({ target }, count);
    },
  });
  new Gauge({
    name: 'one_blueprint_replica_available',
    help: 'Whether a standby takes reads (1) or is skipped as lagging, down or promoted (0)',
    labelNames: ['replica', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of replicas.replicas)
        this.set({ replica: r.name, state: r.state }, r.state === 'ok' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'one_blueprint_replica_lag_bytes',
    help: 'Bytes of WAL a standby had still to replay at the last look',
    labelNames: ['replica'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of replicas.replicas) if (r.lagBytes !== null) this.set({ replica: r.name }, r.lagBytes);
    },
  });
}
