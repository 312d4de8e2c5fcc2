// The compliance benchmark's clients, in a worker thread of their own: the HTTP client posting checks to our
// server and the plain connections running the rule SQL by hand. Apart from the server's event loop, as a
// browser or psql would be on another machine: a check is timed until its answer reaches the client, not
// until the server's event loop is done with what it does after answering (the audit log's entry), and the
// HTTP client's own work (fetch, reading the answer) does not queue the server's. Both sides are timed here
// the same way.
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { summarise, timeInterleaved, type Timing } from './timing';

export interface Statement {
  text: string;
  values: unknown[];
}

export interface ClientsSetup {
  checksUrl: string;
  headers: Record<string, string>;
  /** the JSON body of every check */
  body: string;
  databaseUrl: string;
  sessionOptions: string;
  statements: Statement[];
  connections: number;
}

export type ClientsTask =
  | { kind: 'sequential'; runs: number; warmUp: number }
  /** `checksUrl`: another server's (the one `npm start` runs) instead of the setup's */
  | { kind: 'concurrent'; clients: number; total: number; checksUrl?: string };

export type ClientsAnswer =
  { ok: true; ours: Timing; peer: Timing; runId: string | null } | { ok: false; error: string };

/** a value of a recorded statement as it crossed the thread boundary (a Buffer arrives as a Uint8Array) */
function asParameter(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

async function postCheck(setup: ClientsSetup, url = setup.checksUrl): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: setup.headers, body: setup.body });
  const text = await res.text();
  if (res.status !== 201)
    throw new Error(`POST /compliance/checks: HTTP ${res.status}: ${text.slice(0, 400)}`);
  return (JSON.parse(text) as { id: string }).id;
}

async function runByHand(client: Client, statements: Statement[]): Promise<void> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    for (const s of statements) await client.query(s.text, s.values);
  } finally {
    await client.query('COMMIT');
  }
}

/** `clients` workers each taking the next of `total` requests until none is left; every latency kept. */
async function concurrently(
  clients: number,
  total: number,
  warmUp: number,
  request: (worker: number) => Promise<void>,
): Promise<Timing> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      while (next < total + warmUp) {
        const i = next++;
        const started = process.hrtime.bigint();
        await request(worker);
        if (i >= warmUp) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return summarise(samples);
}

async function serve(setup: ClientsSetup): Promise<void> {
  const port = parentPort!;
  const statements = setup.statements.map((s) => ({ text: s.text, values: s.values.map(asParameter) }));
  const peers = await Promise.all(
    Array.from({ length: setup.connections }, async () => {
      const c = new Client({ connectionString: setup.databaseUrl, options: setup.sessionOptions });
      await c.connect();
      return c;
    }),
  );
  port.on('message', (task: ClientsTask | 'close') => {
    if (task === 'close') {
      void Promise.all(peers.map((c) => c.end())).then(() => port.close());
      return;
    }
    void (async (): Promise<ClientsAnswer> => {
      let runId: string | null = null;
      if (task.kind === 'sequential') {
        const timing = await timeInterleaved(
          task.runs,
          task.warmUp,
          async () => {
            runId = await postCheck(setup);
          },
          () => runByHand(peers[0]!, statements),
        );
        return { ok: true, ...timing, runId };
      }
      const ours = await concurrently(task.clients, task.total, task.clients, async () => {
        runId = await postCheck(setup, task.checksUrl);
      });
      const peer = await concurrently(task.clients, task.total, task.clients, (worker) =>
        runByHand(peers[worker]!, statements),
      );
      return { ok: true, ours, peer, runId };
    })()
      .catch((error: unknown): ClientsAnswer => ({ ok: false, error: String(error) }))
      .then((answer) => port.postMessage(answer));
  });
  port.postMessage('ready');
}

if (parentPort) void serve(workerData as ClientsSetup);
