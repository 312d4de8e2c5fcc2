// Empty throwaway databases on the test cluster, for tests that need a schema of their own.
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { adminDatabaseUrl } from './environment';

export interface ScratchDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

export async function createScratchDatabase(prefix = 'scratch'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined); // DROP ... WITH (FORCE) may reach a connection that is closing
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
