// PostGIS SQL on the record store's connection: the `Queryable` the other domains' SQL helpers take, over
// `sequelize.query` with bound parameters, on the transaction's connection when one is given.
import type { QueryResult, QueryResultRow } from 'pg';
import type { Sequelize, Transaction } from 'sequelize';
import type { Queryable } from '../layers';

export function queryableOf(sequelize: Sequelize, transaction?: Transaction): Queryable {
  return {
    async query<R extends QueryResultRow = QueryResultRow>(text: string, values: unknown[] = []) {
      const [rows] = await sequelize.query(text, {
        bind: values,
        raw: true,
        ...(transaction ? { transaction } : {}),
      });
      const list = rows as R[];
      return { rows: list, rowCount: list.length } as unknown as QueryResult<R>;
    },
  };
}
