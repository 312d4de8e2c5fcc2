// `npm start` hands over to this once PostgreSQL runs: migrate, load the sample city if empty, serve.
// Ctrl-C (SIGINT) or SIGTERM stops gracefully: requests under way finish, running imports are rolled
// back (their layers keep the current version), then the pool closes and the process exits 0.
import { readConfig, startServer } from '../spatial-api';
import { failCleanly } from './fail-cleanly';
import { progressBar } from './progress-bar';

const FORCED_EXIT_MS = 30_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const server = await startServer(config, {
    log: (line) => console.log(`» ${line}`),
    onProgress: progressBar(),
  });
  console.log(
    `» 一张蓝图已启动 / One Blueprint is up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${server.url}`,
  );
  const stop = async () => {
    console.log('» 正在停止 / stopping');
    // past the server's own grace period something is stuck: leave, PostgreSQL rolls back what is open
    setTimeout(() => {
      console.error('» 强制停止 / stopped without waiting any longer');
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    await server.close();
    console.log('» 已停止 / stopped');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(failCleanly);
