// Closed-loop load: `clients` callers, each sending its next request as soon as the previous one is
// answered, for a fixed time; every answer's latency and status recorded. A probe asks /api/v1/health
// every 200 ms meanwhile, to see whether the rest of the service stays quick while the maps are saturated.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** every request's latency, refusals and failures included */
  latenciesMs: number[];
  /** the latencies of the requests answered as asked */
  answeredMs: number[];
  /** what failed first, for the note */
  firstError: string | null;
  /** the answered latencies by kind of request (`kindOf`), for finding where the slow ones are */
  answeredByKind: Map<string, number[]>;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** the i-th request of the run */
  request: (i: number) => string;
  /** the answer is right (status and type checked by the caller's rule) */
  accept: (status: number, type: string) => boolean;
  /** the kind of the i-th request (e.g. "GetMap, city scale"); one kind when absent */
  kindOf?: (i: number) => string;
}

export async function runLoad({
  clients,
  durationMs,
  request,
  accept,
  kindOf = () => 'all',
}: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const answeredMs: number[] = [];
  const answeredByKind = new Map<string, number[]>();
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const end = started + durationMs;
  const caller = async () => {
    while (performance.now() < end) {
      const i = next++;
      const url = request(i);
      const t0 = performance.now();
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        const ok = accept(res.status, res.headers.get('content-type') ?? '');
        if (ok) {
          const ms = performance.now() - t0;
          answeredMs.push(ms);
          const kind = kindOf(i);
          const ofKind = answeredByKind.get(kind) ?? [];
          ofKind.push(ms);
          answeredByKind.set(kind, ofKind);
        } else {
          errors++;
          firstError ??= `HTTP ${res.status} ${res.headers.get('content-type') ?? ''} for ${url}`;
        }
      } catch (error) {
        errors++;
        firstError ??= `${error instanceof Error ? error.message : String(error)} for ${url}`;
      }
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, caller));
  return {
    requests: latenciesMs.length,
    errors,
    seconds: (performance.now() - started) / 1000,
    latenciesMs,
    answeredMs,
    firstError,
    answeredByKind,
  };
}

/** Asks `url` every `everyMs` until stopped; the latencies of the answers. */
export function probe(url: string, everyMs = 200): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        await (await fetch(url)).arrayBuffer();
        latencies.push(performance.now() - t0);
      } catch {
        latencies.push(Infinity);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}
