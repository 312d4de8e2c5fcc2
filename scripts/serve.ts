// `npm start` hands over to this once PostgreSQL runs: migrate, load the sample city if empty, serve,
// in SERVER_PROCESSES processes sharing the port (default: one per 4 cores, at most 8; see the README).
// Ctrl-C (SIGINT) or SIGTERM stops gracefully: requests under way finish, running imports are rolled
// back (their layers keep the current version), then the pool closes and the process exits 0.
import cluster from 'node:cluster';
import {
  announceListening,
  readConfig,
  shareOf,
  startPrimary,
  startServer,
  type Config,
} from '../spatial-api';
import { failCleanly } from './fail-cleanly';
import { progressBar } from './progress-bar';

const FORCED_EXIT_MS = 30_000;
const log = (line: string) => console.log(`» ${line}`);

/** Runs `close` once on the first SIGINT or SIGTERM, then exits 0 (1 when it hangs). */
function stopOnSignal(close: () => Promise<void>, quiet = false): void {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    if (stopping) return;
    if (!quiet) log('正在停止 / stopping');
    // past the server's own grace period something is stuck: leave, PostgreSQL rolls back what is open
    setTimeout(() => {
      console.error('» 强制停止 / stopped without waiting any longer');
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    stopping = close().then(() => {
      if (!quiet) log('已停止 / stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const upLine = (started: number, url: string, processes: number) =>
  `一张蓝图已启动 / One Blueprint is up in ${((Date.now() - started) / 1000).toFixed(1)} s` +
  `${processes > 1 ? ` (${processes} server processes)` : ''}: ${url}`;

async function main(): Promise<void> {
  const started = Date.now();
  const config: Config = readConfig();
  const processes = config.serverProcesses;
  if (cluster.isWorker) {
    const server = await startServer(shareOf(config, processes), { prepared: true, log });
    announceListening(server.url);
    stopOnSignal(() => server.close(), true);
    return;
  }
  if (processes > 1) {
    const primary = await startPrimary(config, { log, onProgress: progressBar() });
    stopOnSignal(() => primary.close());
    log(upLine(started, await primary.ready, processes));
    return;
  }
  const server = await startServer(config, { log, onProgress: progressBar() });
  stopOnSignal(() => server.close());
  log(upLine(started, server.url, 1));
}

main().catch(failCleanly);
