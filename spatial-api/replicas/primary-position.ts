// The primary's WAL position over the last while, sampled on a timer: what a replica must have replayed
// to be no further behind than the lag bound ("at least where the primary was `maxLagMs` ago").
import type { Pool } from 'pg';
import { parseLsn } from './wal-position';

interface Sample {
  at: number;
  lsn: bigint;
}

export class PrimaryPosition {
  private samples: Sample[] = [];

  constructor(
    private readonly primary: Pool,
    private readonly keepMs: number,
  ) {}

  /** The primary's position now (one small query), kept as a sample. */
  async current(now = Date.now()): Promise<bigint> {
    const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const lsn = parseLsn(rows[0]!.lsn);
    this.samples.push({ at: now, lsn });
    // keep one sample older than the window, the position the window's start is measured against
    const firstInWindow = this.samples.findIndex((s) => s.at >= now - this.keepMs);
    if (firstInWindow > 1) this.samples = this.samples.slice(firstInWindow - 1);
    return lsn;
  }

  /**
   * Where the primary was `ageMs` ago: the newest sample at least that old (the oldest sample while the
   * history is shorter than that, so a fresh start asks replicas for no less than the first position seen).
   */
  positionAgo(ageMs: number, now = Date.now()): bigint | null {
    let found: Sample | undefined = this.samples[0];
    for (const sample of this.samples) {
      if (sample.at <= now - ageMs) found = sample;
      else break;
    }
    return found?.lsn ?? null;
  }
}
