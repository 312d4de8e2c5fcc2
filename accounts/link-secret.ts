// The secret signed links are made with: random, kept in the database (migration 022) so that every
// server process and restart shares it, read once per process. Two processes starting together both try
// to write one; the first write wins and both read it back.
import { randomBytes } from 'node:crypto';
import { sql } from '../sql';
import type { Queryable } from './queryable';

const SECRET_BYTES = 32;
const cached = new WeakMap<object, Promise<Buffer>>();

async function readOrCreate(db: Queryable): Promise<Buffer> {
  await db.query(
    sql`INSERT INTO link_signing_secret (id, secret) VALUES (1, ${randomBytes(SECRET_BYTES)})
        ON CONFLICT (id) DO NOTHING`,
  );
  const { rows } = await db.query<{ secret: Buffer }>('SELECT secret FROM link_signing_secret WHERE id = 1');
  const secret = rows[0]?.secret;
  if (!secret) throw new Error('link_signing_secret has no row after writing one');
  return secret;
}

/** The signing secret of this database, read once per connection pool. */
export function linkSigningSecret(db: Queryable): Promise<Buffer> {
  let secret = cached.get(db);
  if (!secret) {
    secret = readOrCreate(db);
    // a failed read (database down) is tried again next time rather than remembered
    secret.catch(() => cached.delete(db));
    cached.set(db, secret);
  }
  return secret;
}
