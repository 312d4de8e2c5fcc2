// The metrics of all server processes as one: the process answering /api/v1/metrics asks the primary,
// which gathers every process's registry over IPC and adds them up (prom-client's aggregation: counters
// and histograms summed, the latency quantiles of service-levels.ts by their maximum).
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import {
  AggregatorRegistry,
  type MetricObjectWithValues,
  type MetricValue,
  type Registry,
  type RegistryContentType,
} from 'prom-client';

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

const GATHER = 'one-blueprint:gather-metrics';
const REPORT = 'one-blueprint:process-metrics';
const GATHERED = 'one-blueprint:gathered-metrics';
const TIMEOUT_MS = 5000;

interface Message {
  type: string;
  id: string;
  metrics?: MetricsJson;
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).type === 'string';

/** In a server process: answer the primary's gathering with this registry. */
export function reportMetricsTo(registry: Registry): void {
  if (!cluster.isWorker) return;
  process.on('message', (message: unknown) => {
    if (!isMessage(message) || message.type !== GATHER) return;
    void registry.getMetricsAsJSON().then((metrics) => {
      process.send?.({ type: REPORT, id: message.id, metrics });
    });
  });
}

/** In a server process: the metrics of all processes, through the primary (this process's alone without one). */
export async function clusterMetrics(registry: Registry): Promise<Registry<RegistryContentType>> {
  if (!cluster.isWorker || !process.send) return registry;
  const id = randomUUID();
  const metrics = await new Promise<MetricsJson>((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary process did not gather the metrics in time'));
    }, TIMEOUT_MS);
    function onMessage(message: unknown) {
      if (!isMessage(message) || message.type !== GATHERED || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(message.metrics ?? []);
    }
    process.on('message', onMessage);
    process.send!({ type: GATHER, id });
  });
  return AggregatorRegistry.aggregate([metrics]);
}

/** In the primary: gathers every live process's metrics when one of them asks. */
export function gatherMetricsForWorkers(): void {
  cluster.on('message', (asking: Worker, message: unknown) => {
    if (!isMessage(message) || message.type !== GATHER) return;
    void gather().then((metrics) => asking.send({ type: GATHERED, id: message.id, metrics }));
  });
}

async function gather(): Promise<MetricsJson> {
  const workers = Object.values(cluster.workers ?? {}).filter(
    (w): w is Worker => w !== undefined && w.isConnected(),
  );
  const reports = await Promise.all(workers.map((worker) => askOne(worker)));
  const aggregated = AggregatorRegistry.aggregate(reports.filter((r): r is MetricsJson => r !== null));
  return aggregated.getMetricsAsJSON();
}

function askOne(worker: Worker): Promise<MetricsJson | null> {
  const id = randomUUID();
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), TIMEOUT_MS);
    function done(result: MetricsJson | null) {
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(result);
    }
    function onMessage(message: unknown) {
      if (isMessage(message) && message.type === REPORT && message.id === id) done(message.metrics ?? []);
    }
    worker.on('message', onMessage);
    worker.send({ type: GATHER, id });
  });
}
