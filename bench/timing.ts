// Latency statistics for request benchmarks: paired runs after a warm-up, median and 95th percentile in
// milliseconds, and a seeded random source so both servers get the same requests.

export interface Timing {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export function summarise(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), runs: sorted.length };
}

/**
 * Times two servers on the same requests, request by request: `ours(i)` and `peer(i)` run one after the
 * other, the order swapping at every request, so that neither always meets the caches the other warmed.
 */
export async function timeInterleaved(
  runs: number,
  warmUp: number,
  ours: (i: number) => Promise<void>,
  peer: (i: number) => Promise<void>,
): Promise<{ ours: Timing; peer: Timing; pairs: Pair[] }> {
  const samples = { ours: [] as number[], peer: [] as number[] };
  const timed = async (side: 'ours' | 'peer', i: number) => {
    const started = process.hrtime.bigint();
    await (side === 'ours' ? ours : peer)(i);
    if (i >= warmUp) samples[side].push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  for (let i = 0; i < warmUp + runs; i++) {
    const first = i % 2 === 0 ? 'ours' : 'peer';
    await timed(first, i);
    await timed(first === 'ours' ? 'peer' : 'ours', i);
  }
  const pairs = samples.ours.map((ms, i) => ({ oursMs: ms, peerMs: samples.peer[i]! }));
  return { ours: summarise(samples.ours), peer: summarise(samples.peer), pairs };
}

/** One request's time on both sides, ms. */
export interface Pair {
  oursMs: number;
  peerMs: number;
}

/**
 * Request by request, for sets that mix very cheap requests with costly ones (vector tiles, many empty):
 * the median of ours − peer where the peer took under `smallMs`, the median of ours / peer on the rest,
 * and the median ratio over all (the ratio of the two medians can compare an empty tile with a full one).
 */
export function pairedFigures(pairs: Pair[], smallMs: number) {
  const median = (values: number[]) => summarise(values).medianMs;
  const small = pairs.filter((p) => p.peerMs < smallMs);
  const large = pairs.filter((p) => p.peerMs >= smallMs);
  return {
    small: small.length,
    smallExtraMs: median(small.map((p) => p.oursMs - p.peerMs)),
    large: large.length,
    largeRatio: median(large.map((p) => p.oursMs / p.peerMs)),
    ratio: median(pairs.map((p) => p.oursMs / p.peerMs)),
  };
}

export function formatTiming(t: Timing): string {
  return `median ${t.medianMs.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms`;
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
