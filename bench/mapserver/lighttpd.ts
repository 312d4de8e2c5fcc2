// MapServer as it runs in production: a long-lived FastCGI process (/usr/lib/cgi-bin/mapserv) behind
// Debian's lighttpd with mod_fastcgi, on a free local port, started and stopped by the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const MAPSERV = '/usr/lib/cgi-bin/mapserv';
export const LIGHTTPD = '/usr/sbin/lighttpd';

export interface RunningPeer {
  /** the base URL of MapServer, e.g. http://127.0.0.1:PORT/mapserv?map=OB */
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function lighttpdConfig(dir: string, port: number, configFile: string, processes = 1): string {
  return `server.modules = ("mod_fastcgi")
server.document-root = "${dir}"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${path.join(dir, 'lighttpd-error.log')}"
server.pid-file = "${path.join(dir, 'lighttpd.pid')}"
server.max-keep-alive-requests = 10000
fastcgi.server = (
  "/mapserv" => ((
    "socket" => "${path.join(dir, 'mapserv.socket')}",
    "bin-path" => "${MAPSERV}",
    "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "${configFile}"),
    "max-procs" => ${processes},
    "min-procs" => ${processes},
    "check-local" => "disable"
  ))
)
`;
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`lighttpd exited (${child.exitCode}): ${log()}`);
    try {
      const res = await fetch(`${url}&SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`);
      const body = await res.text();
      if (res.ok && body.includes('WMS_Capabilities')) return;
      lastError = `HTTP ${res.status}: ${body.slice(0, 300)}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`MapServer behind lighttpd did not answer: ${lastError}; ${log()}`);
}

/** Starts lighttpd (in the foreground, as our child) serving MapServer over FastCGI. */
export async function startMapServer(dir: string, configFile: string, processes = 1): Promise<RunningPeer> {
  for (const file of [MAPSERV, LIGHTTPD]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: install the Debian packages cgi-mapserver, mapserver-bin, lighttpd`,
      );
    }
  }
  const port = await freePort();
  const conf = path.join(dir, 'lighttpd.conf');
  writeFileSync(conf, lighttpdConfig(dir, port, configFile, processes));
  // a process group of its own: stopping it stops the FastCGI mapserv that lighttpd started as well, which
  // would otherwise outlive lighttpd holding our stderr pipe open (and this process with it)
  const child = spawn(LIGHTTPD, ['-D', '-f', conf], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup();
  process.on('exit', killOnExit);
  const url = `http://127.0.0.1:${port}/mapserv?map=OB`;
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    killGroup();
    await exited;
    child.stderr?.destroy();
  };
  try {
    await waitUntilAnswering(url, child, () => stderr.trim());
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
