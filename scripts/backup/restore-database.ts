// Restores a dump so that a failure leaves the current database as it was: the dump goes into a new
// database, is checked against the manifest's row counts, and only then takes the configured name (the
// old database is dropped after the swap). Connections to the old database are closed by the swap.
import { randomBytes } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import { restoreDatabase } from './postgres-tools';
import { tableCounts } from './table-counts';

function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name))
    throw new Error(`不支持的数据库名 / unsupported database name "${name}"`);
  return name;
}

export interface StagedDatabase {
  /** makes the restored database the configured one; the old one is kept until commit() */
  swap(): Promise<void>;
  /** undoes swap() */
  unswap(): Promise<void>;
  /** drops the old database (after swap) or the restored one (without swap) */
  finish(): Promise<void>;
}

/** Restores the dump into a new database beside the configured one and checks its row counts. */
export async function stageRestore(
  databaseUrl: string,
  dumpFile: string,
  expectedCounts: Record<string, number>,
): Promise<StagedDatabase> {
  const target = databaseName(databaseUrl);
  const suffix = randomBytes(3).toString('hex');
  const staged = `${target}_restoring_${suffix}`;
  const previous = `${target}_before_restore_${suffix}`;
  const admin = new Pool({ connectionString: withDatabase(databaseUrl, 'postgres'), max: 1 });
  const q = (sql: string) => admin.query(sql);
  let swapped = false;
  let hadTarget = false;
  const drop = (name: string) => q(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
  try {
    await q(`CREATE DATABASE ${escapeIdentifier(staged)}`);
    await restoreDatabase(withDatabase(databaseUrl, staged), dumpFile);
    const restored = new Pool({ connectionString: withDatabase(databaseUrl, staged), max: 1 });
    const counts = await tableCounts(restored).finally(() => restored.end());
    const differing = Object.keys(expectedCounts).filter((t) => counts[t] !== expectedCounts[t]);
    if (differing.length > 0)
      throw new Error(
        `恢复后的行数与清单不符 / the restored row counts differ from the manifest: ${differing.map((t) => `${t} ${counts[t] ?? 'missing'} ≠ ${expectedCounts[t]}`).join(', ')}`,
      );
  } catch (error) {
    await drop(staged).catch(() => undefined);
    await admin.end();
    throw error;
  }
  const rename = (from: string, to: string) =>
    q(`ALTER DATABASE ${escapeIdentifier(from)} RENAME TO ${escapeIdentifier(to)}`);
  return {
    async swap() {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target])).rowCount;
      hadTarget = exists === 1;
      if (hadTarget) {
        await q(`ALTER DATABASE ${escapeIdentifier(target)} WITH ALLOW_CONNECTIONS false`);
        try {
          await admin.query(
            'SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [target],
          );
          await rename(target, previous);
        } catch (error) {
          await q(`ALTER DATABASE ${escapeIdentifier(target)} WITH ALLOW_CONNECTIONS true`);
          throw error;
        }
      }
      await rename(staged, target);
      swapped = true;
    },
    async unswap() {
      if (!swapped) return;
      await rename(target, staged);
      if (hadTarget) {
        await rename(previous, target);
        await q(`ALTER DATABASE ${escapeIdentifier(target)} WITH ALLOW_CONNECTIONS true`);
      }
      swapped = false;
    },
    async finish() {
      try {
        await drop(swapped ? previous : staged);
      } finally {
        await admin.end();
      }
    },
  };
}
