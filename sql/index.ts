// The database layer's public face: migrations and parameterised SQL.
export { migrate, migrationFiles, MigrationError, MIGRATIONS_DIR } from './migrate';
export type { MigrateOptions } from './migrate';
export { sql } from './sql';
export type { Query } from './sql';
