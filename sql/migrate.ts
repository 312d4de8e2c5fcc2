// Applies the numbered migrations in sql/migrations in order, each in its own transaction, recording
// them in schema_migrations. An advisory lock keeps two starting servers from migrating at once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { Umzug } from 'umzug';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
const FILE_NAME = /^\d{3}_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 4_490_001; // any constant unique to this application

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrateOptions {
  directory?: string;
  onApplied?: (name: string) => void;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(pool: Pool, options: MigrateOptions = {}): Promise<string[]> {
  const directory = options.directory ?? MIGRATIONS_DIR;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const umzug = new Umzug({
      migrations: migrationFiles(directory).map((name) => ({
        name,
        up: () => applyInTransaction(client, name, readFileSync(path.join(directory, name), 'utf8')),
      })),
      storage: {
        executed: async () =>
          (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map(
            (row) => row.name,
          ),
        // applyInTransaction records the migration inside its own transaction
        logMigration: async () => undefined,
        unlogMigration: async () => undefined,
      },
      logger: undefined,
    });
    umzug.on('migrated', ({ name }) => options.onApplied?.(name));
    try {
      return (await umzug.up()).map((m) => m.name);
    } catch (error) {
      throw unwrap(error);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

export function migrationFiles(directory: string): string[] {
  const names = readdirSync(directory).filter((name) => name.endsWith('.sql'));
  const misnamed = names.filter((name) => !FILE_NAME.test(name));
  if (misnamed.length > 0) {
    throw new MigrationError(
      misnamed[0] ?? '',
      `migration file ${misnamed[0]} is not named NNN_what_it_does.sql`,
    );
  }
  return names.sort();
}

async function applyInTransaction(client: PoolClient, name: string, text: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(text);
    await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(name, describeFailure(name, text, error));
  }
}

function describeFailure(name: string, text: string, error: unknown): string {
  const pgError = error as { message?: string; position?: string };
  const position = Number(pgError.position);
  const line =
    Number.isFinite(position) && position > 0 ? text.slice(0, position).split('\n').length : undefined;
  const where = line === undefined ? '' : ` at line ${line}`;
  return `migration ${name} failed${where}: ${pgError.message ?? String(error)}; it was rolled back and nothing of it was applied`;
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && !(current instanceof MigrationError) && current.cause !== undefined) {
    current = current.cause;
  }
  return current;
}
