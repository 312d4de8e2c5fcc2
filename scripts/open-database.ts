// What the command-line programs do first: read the configuration, connect (one clear error when
// PostgreSQL cannot be reached) and bring the schema up to date.
import type { Pool } from 'pg';
import { checkConnection, createPool, readConfig, type Config } from '../spatial-api';
import { migrate } from '../sql';

export async function openDatabase(poolSize = 2): Promise<{ config: Config; pool: Pool }> {
  const config = readConfig();
  const pool = createPool(config.databaseUrl, poolSize);
  try {
    await checkConnection(pool, config.databaseUrl);
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { config, pool };
}
