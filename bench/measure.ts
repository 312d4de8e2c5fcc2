// Runs a command under GNU time and returns its wall time and peak memory (of it and its children).
import { spawnSync } from 'node:child_process';

export interface Measurement {
  seconds: number;
  peakRssMiB: number;
  output: string;
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measurement {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${command} failed: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const kb = Number(result.stderr.match(/PEAK_RSS_KB=(\d+)/)?.[1] ?? NaN);
  return { seconds, peakRssMiB: kb / 1024, output: result.stdout };
}
