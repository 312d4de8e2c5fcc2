// Starts the platform: connect, migrate, load the sample city into an empty database, listen.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Express } from 'express';
import type { Pool } from 'pg';
import { ensureDemoUsers } from '../accounts';
import { ensurePlanningConflicts, ensureSampleRuleSet } from '../compliance-rules';
import { generateSampleCity, loadSampleCity } from '../importers';
import { fillProjectInitials } from '../projects';
import { migrate } from '../sql';
import {
  conflictJobsOf,
  createApp,
  generalisationJobsOf,
  healthPoolOf,
  importJobsOf,
  readPoolOf,
  recordStoreOf,
  renderPoolOf,
} from './app';
import type { Config } from './config';
import { checkConnection, createPool } from './database';

/** How long a shutdown waits for requests and imports under way before it closes what is left. */
const SHUTDOWN_GRACE_MS = 10_000;

export class PortInUse extends Error {
  override name = 'PortInUse';
}

export interface RunningServer {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** the database is prepared already (migrated, sample city loaded) */
  prepared?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

export async function ensureSampleCity(
  pool: Pool,
  config: Config,
  options: StartOptions = {},
): Promise<boolean> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM layers');
  if (Number(rows[0]?.n) > 0) return false;
  options.log?.('数据库为空，正在载入示例城市 / empty database: loading the sample city');
  const city = generateSampleCity({ onProgress: options.onProgress });
  await loadSampleCity(pool, city, { rasterDir: config.rasterDir, onProgress: options.onProgress });
  return true;
}

function listen(
  app: ReturnType<typeof createApp>,
  port: number,
  host: string,
  tls: Config['tls'],
): Promise<Server> {
  return new Promise((resolve, reject) => {
    // HTTPS when a certificate is configured (session cookies are then Secure)
    const server = tls
      ? createHttpsServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, app).listen(
          port,
          host,
        )
      : app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUse(
              `port ${port} is already in use: stop the program using it, or choose another with PORT=${port + 1}.`,
            )
          : error,
      );
    });
  });
}

/**
 * A graceful stop: no new connections; requests under way finish (idle keep-alive connections are
 * closed as they become idle); running imports, conflict computations and generalisation builds are stopped and rolled back;
 * after SHUTDOWN_GRACE_MS whatever is left is closed; then the render threads and the pools.
 */
async function shutDown(server: Server, app: Express, pool: Pool): Promise<void> {
  const jobs = importJobsOf(app);
  const conflicts = conflictJobsOf(app);
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
  try {
    await Promise.all([
      Promise.race([drained, grace]),
      jobs.interrupt(SHUTDOWN_GRACE_MS),
      conflicts.interrupt(SHUTDOWN_GRACE_MS),
      generalisationJobsOf(app).interrupt(),
    ]);
  } finally {
    clearInterval(idle);
    clearTimeout(timer);
  }
  server.closeAllConnections();
  await drained;
  await recordStoreOf(app).close();
  await readPoolOf(app).close();
  await renderPoolOf(app).close();
  await healthPoolOf(app).end();
  await pool.end();
}

/**
 * What the database needs before the platform serves: migrations, the sample city, the projects' pinyin
 * initials where missing, rules, demo users.
 */
export async function prepareDatabase(pool: Pool, config: Config, options: StartOptions = {}): Promise<void> {
  const applied = await migrate(pool);
  if (applied.length > 0) options.log?.(`已应用数据库迁移 / applied migrations: ${applied.join(', ')}`);
  await ensureSampleCity(pool, config, options);
  const initials = await fillProjectInitials(pool);
  if (initials > 0)
    options.log?.(`已补全${initials}个项目的拼音首字母 / pinyin initials filled for ${initials} projects`);
  if (await ensureSampleRuleSet(pool))
    options.log?.('已载入示例审查规则集 / stored the sample compliance rule set');
  const conflicts = await ensurePlanningConflicts(pool);
  if (conflicts)
    options.log?.(
      `已计算规划冲突图斑 / computed the planning conflicts: ${conflicts.featureCount} in ${(conflicts.elapsedMs / 1000).toFixed(1)} s`,
    );
  if (config.demoPassword) await ensureDemoUsers(pool, config.demoPassword);
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const pool = createPool(config.databaseUrl, config.databasePoolSize, config.statementTimeoutMs);
  try {
    await checkConnection(pool, config.databaseUrl);
    // one of several server processes: the primary prepared the database before starting them
    if (!options.prepared) await prepareDatabase(pool, config, options);
    const app = createApp({ pool, config });
    // the render threads load while the server starts listening, not under its first maps
    renderPoolOf(app).warm();
    const server = await listen(app, config.port, config.host, config.tls);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `${config.tls ? 'https' : 'http'}://localhost:${port}`,
      pool,
      close: () => shutDown(server, app, pool),
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
