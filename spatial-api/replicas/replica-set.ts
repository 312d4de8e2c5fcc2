// The hot standbys named by DATABASE_REPLICA_URLS, watched on a timer: each is `ok` (a standby that has
// replayed at least what the primary had written `maxLagMs` ago), `lagging`, `down` (unreachable, not
// streaming, or failing a query since the last look) or `not_standby` (promoted: it no longer follows this
// primary). Reads are dealt round-robin to the `ok` ones that have replayed what the request must see.
import type { Pool } from 'pg';
import { createPool, describeDatabase } from '../database';
import { PrimaryPosition } from './primary-position';
import { parseLsn } from './wal-position';

export type ReplicaState = 'starting' | 'ok' | 'lagging' | 'down' | 'not_standby';

export interface Replica {
  /** host:port/database, without credentials */
  readonly name: string;
  readonly pool: Pool;
  state: ReplicaState;
  /** the WAL position the standby has replayed, at the last look */
  replayed: bigint | null;
  /** bytes of WAL the standby is behind the primary's position at the last look */
  lagBytes: number | null;
  reason: string | null;
}

export interface ReplicaSettings {
  /** a standby further behind than where the primary was this long ago takes no reads */
  maxLagMs: number;
  /** how often the standbys and the primary's position are read */
  pollMs: number;
  poolSize: number;
  statementTimeoutMs: number;
}

export const DEFAULT_REPLICA_SETTINGS: ReplicaSettings = {
  maxLagMs: 5000,
  pollMs: 250,
  poolSize: 10,
  statementTimeoutMs: 0,
};

export class ReplicaSet {
  readonly replicas: Replica[];
  private readonly position: PrimaryPosition;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;
  private next = 0;

  constructor(
    primary: Pool,
    urls: string[],
    private readonly settings: ReplicaSettings = DEFAULT_REPLICA_SETTINGS,
  ) {
    this.position = new PrimaryPosition(primary, settings.maxLagMs * 2);
    this.replicas = urls.map((url) => ({
      name: describeDatabase(url),
      pool: createPool(url, settings.poolSize, settings.statementTimeoutMs),
      state: 'starting',
      replayed: null,
      lagBytes: null,
      reason: null,
    }));
  }

  /** Starts watching; the promise is the first look's. */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.poll(), this.settings.pollMs);
    this.timer.unref();
    return this.poll();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => undefined)));
  }

  /** The primary's position now: what a request following its own write must find replayed. */
  primaryPosition(): Promise<bigint> {
    return this.position.current();
  }

  /** A standby in bounds that has replayed `atLeast` (when given), round-robin; null: use the primary. */
  pick(atLeast?: bigint): Replica | null {
    const eligible = this.replicas.filter(
      (r) => r.state === 'ok' && (atLeast === undefined || (r.replayed !== null && r.replayed >= atLeast)),
    );
    if (eligible.length === 0) return null;
    this.next = (this.next + 1) % eligible.length;
    return eligible[this.next]!;
  }

  /** A standby that failed a query is skipped until the next look finds it well. */
  markDown(replica: Replica, error: unknown): void {
    replica.state = 'down';
    replica.reason = error instanceof Error ? error.message : String(error);
  }

  /** One look at the primary's position and every standby; looks never overlap. */
  poll(): Promise<void> {
    this.polling ??= this.look().finally(() => (this.polling = null));
    return this.polling;
  }

  private async look(): Promise<void> {
    // while the primary is away its last positions stand: the standbys keep serving reads
    const now = await this.position.current().catch(() => null);
    const bound = this.position.positionAgo(this.settings.maxLagMs);
    await Promise.all(this.replicas.map((replica) => this.lookAt(replica, now, bound)));
  }

  private async lookAt(replica: Replica, now: bigint | null, bound: bigint | null): Promise<void> {
    try {
      const { rows } = await replica.pool.query<{ standby: boolean; replayed: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed',
      );
      const { standby, replayed } = rows[0]!;
      if (!standby) return this.set(replica, 'not_standby', null, '不是备库 / not a standby (promoted?)');
      if (replayed === null) return this.set(replica, 'down', null, '未在回放 / not replaying WAL');
      const position = parseLsn(replayed);
      replica.lagBytes = now === null ? null : Math.max(0, Number(now - position));
      const inBounds = bound === null || position >= bound;
      this.set(
        replica,
        inBounds ? 'ok' : 'lagging',
        position,
        inBounds ? null : '延迟超限 / behind the lag bound',
      );
    } catch (error) {
      this.set(replica, 'down', null, error instanceof Error ? error.message : String(error));
    }
  }

  private set(replica: Replica, state: ReplicaState, replayed: bigint | null, reason: string | null): void {
    replica.state = state;
    replica.replayed = replayed;
    replica.reason = reason;
    if (replayed === null) replica.lagBytes = null;
  }
}
