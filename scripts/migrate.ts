// `npm run migrate`: applies pending migrations to DATABASE_URL.
import { checkConnection, createPool, readConfig } from '../spatial-api';
import { migrate } from '../sql';
import { failCleanly } from './fail-cleanly';

async function main(): Promise<void> {
  const config = readConfig();
  const pool = createPool(config.databaseUrl, 1);
  try {
    await checkConnection(pool, config.databaseUrl);
    const applied = await migrate(pool, { onApplied: (name) => console.log(`» applied ${name}`) });
    console.log(
      applied.length === 0 ? '» the schema is up to date' : `» applied ${applied.length} migration(s)`,
    );
  } finally {
    await pool.end();
  }
}

main().catch(failCleanly);
