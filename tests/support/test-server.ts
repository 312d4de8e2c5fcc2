// The whole app on a free local port against the test database, for the length of a test file.
import type { Express } from 'express';
import { Pool } from 'pg';
import {
  createApp,
  generalisationJobsOf,
  healthPoolOf,
  readPoolOf,
  recordStoreOf,
  renderPoolOf,
  type AppConfig,
} from '../../spatial-api';
import { testAppConfig } from './app-config';
import { testDatabaseUrl } from './environment';
import { listenOnFreePort } from './http';

export interface TestServer {
  pool: Pool;
  /** the Express application being served */
  readonly app: Express;
  /** e.g. http://127.0.0.1:40123, once the file's tests run */
  readonly url: string;
}

/** Starts the server before the file's tests and stops it (and its pool) after them. */
export function useTestServer(overrides: Partial<AppConfig> = {}): TestServer {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>> | undefined;
  let app: Express | undefined;
  beforeAll(async () => {
    app = createApp({ pool, config: testAppConfig(overrides) });
    server = await listenOnFreePort(app);
  });
  afterAll(async () => {
    await server?.close();
    if (app) await generalisationJobsOf(app).interrupt();
    if (app)
      await Promise.all([
        recordStoreOf(app).close(),
        readPoolOf(app).close(),
        renderPoolOf(app).close(),
        healthPoolOf(app).end(),
      ]);
    await pool.end();
  });
  return {
    pool,
    get app() {
      if (!app) throw new Error('the test server is not running yet');
      return app;
    },
    get url() {
      if (!server) throw new Error('the test server is not running yet');
      return server.url;
    },
  };
}
