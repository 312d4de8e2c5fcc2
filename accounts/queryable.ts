// What the accounts functions query through: a pool or a client inside a transaction.
import type { QueryResult, QueryResultRow } from 'pg';

export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string | { text: string; values: unknown[]; name?: string },
    values?: unknown[],
  ): Promise<QueryResult<R>>;
}
