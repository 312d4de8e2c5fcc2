// Users: who they are, their department, roles and district scope; created, changed and disabled by admins.
import { sql } from '../sql';
import { AccountError } from './account-error';
import { checkPasswordRule, hashPassword, verifyPassword } from './passwords';
import type { UserSummary } from './principal';
import type { Queryable } from './queryable';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  active: boolean;
  department_id: number | null;
  department_code: string | null;
  department_name: string | null;
  roles: string[];
  districts: string[];
  last_login_at: Date | null;
}

export const SELECT_USERS = `
  SELECT u.id, u.username, u.display_name, u.active, u.last_login_at,
         d.id AS department_id, d.code AS department_code, d.name AS department_name,
         coalesce((SELECT array_agg(role_code ORDER BY role_code) FROM user_roles WHERE user_id = u.id), '{}') AS roles,
         coalesce((SELECT array_agg(district_code ORDER BY district_code) FROM district_scopes WHERE user_id = u.id), '{}') AS districts
  FROM users u LEFT JOIN departments d ON d.id = u.department_id`;

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    active: row.active,
    department:
      row.department_id === null
        ? null
        : { id: row.department_id, code: row.department_code ?? '', name: row.department_name ?? '' },
    roles: row.roles,
    districts: row.districts,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}

export async function listUsers(db: Queryable): Promise<UserSummary[]> {
  const { rows } = await db.query<UserRow>(`${SELECT_USERS} ORDER BY u.username`);
  return rows.map(toSummary);
}

export async function findUser(db: Queryable, id: number): Promise<UserSummary | undefined> {
  const { rows } = await db.query<UserRow>(`${SELECT_USERS} WHERE u.id = $1`, [id]);
  return rows[0] ? toSummary(rows[0]) : undefined;
}

export async function requireUser(db: Queryable, id: number): Promise<UserSummary> {
  const user = await findUser(db, id);
  if (!user)
    throw new AccountError('not_found', 'not_found', `用户不存在 / no user ${id}`, {
      parameter: 'id',
      value: id,
    });
  return user;
}

export async function findUserIdByName(db: Queryable, username: string): Promise<number | undefined> {
  const { rows } = await db.query<{ id: number }>(sql`SELECT id FROM users WHERE username = ${username}`);
  return rows[0]?.id;
}

export interface UserFields {
  displayName?: string;
  departmentCode?: string | null;
  roles?: string[];
  districts?: string[];
  active?: boolean;
}

async function departmentId(db: Queryable, code: string | null | undefined): Promise<number | null> {
  if (code === null || code === undefined) return null;
  const { rows } = await db.query<{ id: number }>(sql`SELECT id FROM departments WHERE code = ${code}`);
  if (!rows[0])
    throw new AccountError('invalid', 'unknown_department', `部门“${code}”不存在 / no department "${code}"`, {
      parameter: 'department',
      value: code,
    });
  return rows[0].id;
}

async function checkRoles(db: Queryable, roles: string[]): Promise<void> {
  const { rows } = await db.query<{ code: string }>(sql`SELECT code FROM roles WHERE code = ANY(${roles})`);
  const unknown = roles.filter((r) => !rows.some((row) => row.code === r));
  if (unknown.length > 0)
    throw new AccountError('invalid', 'unknown_role', `角色不存在：${unknown.join('、')} / unknown role`, {
      parameter: 'roles',
      value: unknown,
    });
}

async function checkDistricts(db: Queryable, districts: string[]): Promise<void> {
  const bad = districts.filter((d) => !/^\d{6}$/.test(d));
  if (bad.length > 0)
    throw new AccountError(
      'invalid',
      'bad_district',
      `行政区划代码应为6位数字：${bad.join('、')} / a district code has 6 digits`,
      {
        parameter: 'districts',
        value: bad,
      },
    );
}

async function setRolesAndDistricts(db: Queryable, id: number, fields: UserFields): Promise<void> {
  if (fields.roles) {
    await checkRoles(db, fields.roles);
    await db.query(sql`DELETE FROM user_roles WHERE user_id = ${id}`);
    await db.query(
      sql`INSERT INTO user_roles (user_id, role_code) SELECT ${id}, unnest(${fields.roles}::text[])`,
    );
  }
  if (fields.districts) {
    await checkDistricts(db, fields.districts);
    await db.query(sql`DELETE FROM district_scopes WHERE user_id = ${id}`);
    await db.query(
      sql`INSERT INTO district_scopes (user_id, district_code) SELECT ${id}, unnest(${fields.districts}::text[])`,
    );
  }
}

export interface NewUser extends UserFields {
  username: string;
  displayName: string;
  password: string;
}

export async function createUser(db: Queryable, user: NewUser): Promise<UserSummary> {
  checkPasswordRule(user.password);
  const hash = await hashPassword(user.password);
  const department = await departmentId(db, user.departmentCode);
  const { rows } = await db.query<{ id: number }>(
    sql`INSERT INTO users (username, display_name, department_id, password_hash, password_changed_at, active)
        VALUES (${user.username}, ${user.displayName}, ${department}, ${hash}, now(), ${user.active ?? true})
        ON CONFLICT (username) DO NOTHING RETURNING id`,
  );
  const id = rows[0]?.id;
  if (id === undefined)
    throw new AccountError(
      'conflict',
      'conflict',
      `用户名“${user.username}”已被使用 / the username is taken`,
      {
        parameter: 'username',
        value: user.username,
      },
    );
  await setRolesAndDistricts(db, id, user);
  return requireUser(db, id);
}

export async function updateUser(db: Queryable, id: number, fields: UserFields): Promise<UserSummary> {
  await requireUser(db, id);
  if (fields.displayName !== undefined)
    await db.query(
      sql`UPDATE users SET display_name = ${fields.displayName}, updated_at = now() WHERE id = ${id}`,
    );
  if (fields.departmentCode !== undefined) {
    const department = await departmentId(db, fields.departmentCode);
    await db.query(sql`UPDATE users SET department_id = ${department}, updated_at = now() WHERE id = ${id}`);
  }
  if (fields.active !== undefined) {
    await db.query(sql`UPDATE users SET active = ${fields.active}, updated_at = now() WHERE id = ${id}`);
    if (!fields.active)
      await db.query(
        sql`UPDATE sessions SET revoked_at = now() WHERE user_id = ${id} AND revoked_at IS NULL`,
      );
  }
  await setRolesAndDistricts(db, id, fields);
  return requireUser(db, id);
}

/** Sets a new password, clears a lockout and ends the user's other sessions. */
export async function setPassword(
  db: Queryable,
  id: number,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  checkPasswordRule(password);
  const hash = await hashPassword(password);
  await db.query(
    sql`UPDATE users SET password_hash = ${hash}, password_changed_at = now(), failed_logins = 0,
               locked_until = NULL, updated_at = now() WHERE id = ${id}`,
  );
  await db.query(
    sql`UPDATE sessions SET revoked_at = now()
        WHERE user_id = ${id} AND revoked_at IS NULL AND id::text IS DISTINCT FROM ${keepSessionId ?? null}`,
  );
}

/** The permissions the user's roles grant, from the permission table. */
export async function permissionsOf(db: Queryable, userId: number): Promise<string[]> {
  const { rows } = await db.query<{ permission_code: string }>(
    sql`SELECT DISTINCT rp.permission_code FROM user_roles ur
        JOIN role_permissions rp ON rp.role_code = ur.role_code WHERE ur.user_id = ${userId}`,
  );
  return rows.map((r) => r.permission_code);
}

/** Changes one's own password after checking the current one; the other sessions end. */
export async function changeOwnPassword(
  db: Queryable,
  userId: number,
  change: { currentPassword: string; newPassword: string },
  keepSessionId: string,
): Promise<void> {
  const { rows } = await db.query<{ password_hash: string | null }>(
    sql`SELECT password_hash FROM users WHERE id = ${userId}`,
  );
  if (!(await verifyPassword(rows[0]?.password_hash ?? null, change.currentPassword))) {
    throw new AccountError('invalid', 'bad_credentials', '当前密码错误 / the current password is wrong', {
      parameter: 'currentPassword',
    });
  }
  await setPassword(db, userId, change.newPassword, keepSessionId);
}
