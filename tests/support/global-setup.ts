// Once per `npm test`: a fresh test database, migrated, with the sample city (its projects' pinyin initials
// filled as on start-up), its rule set, its planning conflicts
// and the demo users loaded, shared by the integration and end-to-end suites (which only read it, or write inside
// their own transactions).
import path from 'node:path';
import { Pool } from 'pg';
import { ensureDemoUsers } from '../../accounts';
import { ensurePlanningConflicts, ensureSampleRuleSet } from '../../compliance-rules';
import { generateSampleCity, loadSampleCity } from '../../importers';
import { fillProjectInitials } from '../../projects';
import { migrate } from '../../sql';
import { demoPassword } from './access';
import { adminDatabaseUrl, testDatabaseUrl } from './environment';

export default async function globalSetup(): Promise<void> {
  const url = new URL(testDatabaseUrl());
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*_test$/.test(name))
    throw new Error(`refusing to reset "${name}": test databases end in _test`);
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  try {
    await migrate(pool);
    const dataDir = process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(__dirname, '../../.data');
    await loadSampleCity(pool, generateSampleCity(), { rasterDir: path.join(dataDir, 'test-rasters') });
    await fillProjectInitials(pool);
    await ensureDemoUsers(pool, demoPassword());
    await ensureSampleRuleSet(pool);
    await ensurePlanningConflicts(pool);
  } finally {
    await pool.end();
  }
}
