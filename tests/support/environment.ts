// The databases `npm test` prepared: the test database (migrated, sample city loaded) and an admin
// connection for creating scratch databases.
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the suite with `npm test`, which prepares the database.',
    );
  return url;
}

export function adminDatabaseUrl(): string {
  const url = process.env.ADMIN_DATABASE_URL;
  if (!url) throw new Error('ADMIN_DATABASE_URL is not set: run the suite with `npm test`.');
  return url;
}

export const ROOT = `${__dirname}/../..`;
