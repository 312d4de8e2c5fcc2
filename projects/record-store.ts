// The record store of the projects domain: Sequelize over the same database as the pool, for the
// record-keeping (validations, transactions, optimistic locking); geometry stays in PostGIS SQL.
import type { Pool } from 'pg';
import { Sequelize } from 'sequelize';
import { defineModels, type ProjectModels } from './models';

export interface RecordStore {
  readonly sequelize: Sequelize;
  readonly models: ProjectModels;
  close(): Promise<void>;
}

/** How the pool reaches the database, as Sequelize's connection options. */
function connectionOf(pool: Pool): Record<string, unknown> {
  const options = pool.options;
  const url = options.connectionString ? new URL(options.connectionString) : undefined;
  return {
    host: url ? decodeURIComponent(url.hostname) || url.searchParams.get('host') : options.host,
    port: url?.port ? Number(url.port) : (options.port ?? 5432),
    username: url ? decodeURIComponent(url.username) : options.user,
    password: url ? decodeURIComponent(url.password) : options.password,
    database: url ? decodeURIComponent(url.pathname.slice(1)) : options.database,
    dialectOptions: { options: options.options },
  };
}

/**
 * A small connection pool of its own (Sequelize cannot share pg's), idle connections closed after a
 * few seconds; `close` ends it with the server.
 */
export function openRecordStore(pool: Pool): RecordStore {
  const sequelize = new Sequelize({
    dialect: 'postgres',
    ...connectionOf(pool),
    logging: false,
    pool: { max: 4, min: 0, idle: 5000, acquire: 10_000 },
    define: { underscored: true, freezeTableName: true },
  });
  const models = defineModels(sequelize);
  return { sequelize, models, close: () => sequelize.close() };
}
