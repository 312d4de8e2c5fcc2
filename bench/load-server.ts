// Our server as `npm start` runs it, for the load benchmark: scripts/serve.ts in its own processes
// (SERVER_PROCESSES of them sharing the port), tile cache off and the per-caller limits out of the way,
// stopped with SIGTERM as an operator would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './mapserver/lighttpd';

const ROOT = path.resolve(__dirname, '..');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServeProcesses(
  databaseUrl: string,
  dataDir: string,
  processes: number,
): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ONE_BLUEPRINT_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVER_PROCESSES: String(processes),
    TILE_CACHE_BYTES: '0',
    RATE_LIMIT_SERVICES_PER_MINUTE: '100000000',
    RATE_LIMIT_CHECKS_PER_MINUTE: '100000000',
  };
  delete env.DEMO_PASSWORD;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`our server did not start in 10 min:\n${output}`)),
      600_000,
    );
    child.stdout.on('data', () => {
      if (output.includes('One Blueprint is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`our server exited (${code}):\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
