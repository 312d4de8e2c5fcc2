// The primary of several server processes (node:cluster): it prepares the database once, starts the
// processes, which share the port (connections dealt round-robin), starts a new one when one dies, and
// on SIGINT/SIGTERM stops them all gracefully.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config';
import { checkConnection, createPool } from '../database';
import { prepareDatabase, type StartOptions } from '../server';
import { gatherMetricsForWorkers } from './cluster-metrics';

/** Past this many deaths in a minute the processes are failing on something a restart will not mend. */
const MAX_RESTARTS_A_MINUTE = 5;

export interface RunningPrimary {
  /** resolves with the processes' URL once every one listens */
  ready: Promise<string>;
  /** stops every process gracefully; resolves once all have exited */
  close(): Promise<void>;
}

export async function startPrimary(config: Config, options: StartOptions = {}): Promise<RunningPrimary> {
  const pool = createPool(config.databaseUrl, 2, config.statementTimeoutMs);
  try {
    await checkConnection(pool, config.databaseUrl);
    await prepareDatabase(pool, config, options);
  } finally {
    await pool.end().catch(() => undefined);
  }
  gatherMetricsForWorkers();
  let stopping = false;
  const deaths: number[] = [];
  const fork = () => cluster.fork();
  const first = Array.from({ length: config.serverProcesses }, fork);
  const ready = Promise.all(
    first.map(
      (worker) =>
        new Promise<string>((resolve, reject) => {
          worker.on('message', (message: { type?: string; url?: string }) => {
            if (message.type === 'one-blueprint:listening' && message.url) resolve(message.url);
          });
          worker.once('exit', (code) => reject(new Error(`a server process exited on start (code ${code})`)));
        }),
    ),
  ).then((urls) => urls[0]!);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    options.log?.(
      `服务进程 ${worker.process.pid} 退出 (${signal ?? code}) / server process ${worker.process.pid} exited (${signal ?? code})`,
    );
    if (deaths.length <= MAX_RESTARTS_A_MINUTE) fork();
    else if (Object.keys(cluster.workers ?? {}).length === 0) {
      options.log?.('服务进程均已退出 / every server process exited');
      process.exitCode = 1;
    }
  });
  return {
    ready,
    close: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** In a server process: tell the primary this process listens. */
export function announceListening(url: string): void {
  if (cluster.isWorker) process.send?.({ type: 'one-blueprint:listening', url });
}
