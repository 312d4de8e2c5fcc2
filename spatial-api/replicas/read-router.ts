// The pool the read-only services query (OGC, tiles, catalog and feature reads): to the primary, or to a
// hot standby when DATABASE_REPLICA_URLS names some. Each request is pinned to one target at its first
// query, so all its reads see one database state; a request that must see a write of its own (see
// read-after-write.ts) is only given a standby that has replayed the primary's position at its start. A
// standby that fails a query for want of a connection is marked down and the query runs on the primary.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import { isDatabaseUnavailable } from '../database-unavailable';
import type { Replica, ReplicaSet } from './replica-set';

/** What one request's reads need, and where they went. */
export interface ReadRoute {
  /** the request itself writes, so it reads on the primary */
  writes: boolean;
  /** its client has written: it must see the primary's position as of its first read */
  wrote: boolean;
  /** the standby the request is pinned to (null: the primary), chosen at its first read */
  target?: Promise<Replica | null>;
}

export const readRoutes = new AsyncLocalStorage<ReadRoute>();

/**
 * On a standby, a query that replay had to cancel (SQLSTATE 40001, "conflict with recovery") is also
 * worth its retry on the primary.
 */
function worthThePrimary(error: unknown): boolean {
  return isDatabaseUnavailable(error) || (error as { code?: string } | null)?.code === '40001';
}

export class ReadRouter {
  /** queries by target ("primary" or the standby's host:port/database), for the metrics */
  readonly queries = new Map<string, number>();
  /** the pool handed to the read-only services */
  readonly pool: Pool;

  constructor(
    private readonly primary: Pool,
    private readonly replicas: ReplicaSet,
  ) {
    const query = (...args: unknown[]) => this.query(args);
    const connect = () => this.connect();
    // everything else (options, counts, events) is the primary's, whose pool sizes the request gates
    this.pool = new Proxy(primary, {
      get: (target, property, receiver) =>
        property === 'query'
          ? query
          : property === 'connect'
            ? connect
            : Reflect.get(target, property, receiver),
    });
  }

  private target(): Promise<Replica | null> {
    const route = readRoutes.getStore();
    // outside a request (never expected): the primary, which is never behind
    if (!route) return Promise.resolve(null);
    route.target ??= this.choose(route);
    return route.target;
  }

  private async choose(route: ReadRoute): Promise<Replica | null> {
    if (route.writes) return null;
    if (!route.wrote) return this.replicas.pick();
    // every write the client saw answered is at or before the primary's position now; with the primary
    // away, any standby in bounds is the best there is
    const atLeast = await this.replicas.primaryPosition().catch(() => undefined);
    return this.replicas.pick(atLeast);
  }

  private count(target: string): void {
    this.queries.set(target, (this.queries.get(target) ?? 0) + 1);
  }

  private fallBack(replica: Replica, error: unknown): void {
    this.replicas.markDown(replica, error);
    const route = readRoutes.getStore();
    if (route) route.target = Promise.resolve(null);
  }

  private async query(args: unknown[]): Promise<unknown> {
    const run = (pool: Pool) => (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args);
    const replica = await this.target();
    if (replica) {
      try {
        this.count(replica.name);
        return await run(replica.pool);
      } catch (error) {
        if (!worthThePrimary(error)) throw error;
        this.fallBack(replica, error);
      }
    }
    this.count('primary');
    return run(this.primary);
  }

  private async connect(): Promise<PoolClient> {
    const replica = await this.target();
    if (replica) {
      try {
        const client = await replica.pool.connect();
        this.count(replica.name);
        return client;
      } catch (error) {
        if (!worthThePrimary(error)) throw error;
        this.fallBack(replica, error);
      }
    }
    this.count('primary');
    return this.primary.connect();
  }
}
