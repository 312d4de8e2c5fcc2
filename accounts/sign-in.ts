// Signing in by username and password, with a lockout after repeated failures.
import { sql } from '../sql';
import { AccountError } from './account-error';
import { verifyPassword } from './passwords';
import type { Queryable } from './queryable';

export interface LockoutPolicy {
  /** consecutive failures that lock the account */
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

interface Candidate {
  id: number;
  password_hash: string | null;
  active: boolean;
  retry_after_s: number | null;
}

/**
 * The id of the user whose password this is. Throws `unauthenticated` for a wrong name or password (the
 * same answer for both), `locked` with the seconds to wait while locked out, and counts the failure.
 */
export async function checkCredentials(
  db: Queryable,
  username: string,
  password: string,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<number> {
  const { rows } = await db.query<Candidate>(
    sql`SELECT id, password_hash, active,
               CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()))::int END AS retry_after_s
        FROM users WHERE username = ${username}`,
  );
  const user = rows[0];
  if (user?.retry_after_s) throw locked(user.retry_after_s);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (user && ok && user.active) {
    await db.query(
      sql`UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = ${user.id}`,
    );
    return user.id;
  }
  if (user && !ok) {
    const { rows: counted } = await db.query<{ retry_after_s: number | null }>(
      sql`UPDATE users SET failed_logins = failed_logins + 1,
            locked_until = CASE WHEN failed_logins + 1 >= ${policy.maxFailures}
                                THEN now() + make_interval(mins => ${policy.lockMinutes}) END
          WHERE id = ${user.id}
          RETURNING CASE WHEN locked_until IS NOT NULL THEN ceil(extract(epoch FROM locked_until - now()))::int END AS retry_after_s`,
    );
    const retry = counted[0]?.retry_after_s;
    if (retry) throw locked(retry);
  }
  if (user && ok && !user.active) {
    throw new AccountError(
      'unauthenticated',
      'account_disabled',
      '该账号已停用 / this account is disabled',
      {},
    );
  }
  throw new AccountError(
    'unauthenticated',
    'bad_credentials',
    '用户名或密码错误 / wrong username or password',
    {
      parameter: 'password',
    },
  );
}

function locked(retryAfterSeconds: number): AccountError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AccountError(
    'locked',
    'account_locked',
    `登录失败次数过多，账号已锁定，请${minutes}分钟后再试 / too many failed sign-ins: try again in ${minutes} min`,
    { retryAfterSeconds },
  );
}
