// Row counts of every table of the platform (not those of extensions such as PostGIS's
// spatial_ref_sys), written into a backup's manifest and checked again after a restore.
import { escapeIdentifier, type Pool, type PoolClient } from 'pg';

const TABLES = `
SELECT n.nspname AS schema, c.relname AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2`;

export async function tableCounts(pool: Pool | PoolClient): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ schema: string; name: string }>(TABLES);
  const counts: Record<string, number> = {};
  for (const { schema, name } of rows) {
    const { rows: n } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${escapeIdentifier(schema)}.${escapeIdentifier(name)}`,
    );
    counts[schema === 'public' ? name : `${schema}.${name}`] = Number(n[0]!.n);
  }
  return counts;
}

/** The last migration applied: the schema level a backup was taken at. */
export async function migrationLevel(pool: Pool | PoolClient): Promise<string | null> {
  const { rows } = await pool.query<{ name: string | null }>(
    'SELECT max(name) AS name FROM schema_migrations',
  );
  return rows[0]?.name ?? null;
}
