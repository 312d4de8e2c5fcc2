// Departments (委办局) that users belong to and planning tasks invite.
import { sql } from '../sql';
import { AccountError } from './account-error';
import type { Queryable } from './queryable';

export interface Department {
  id: number;
  code: string;
  name: string;
  userCount: number;
}

export async function listDepartments(db: Queryable): Promise<Department[]> {
  const { rows } = await db.query<{ id: number; code: string; name: string; user_count: number }>(
    `SELECT d.id, d.code, d.name, (SELECT count(*)::int FROM users u WHERE u.department_id = d.id) AS user_count
     FROM departments d ORDER BY d.id`,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, userCount: r.user_count }));
}

export async function createDepartment(db: Queryable, code: string, name: string): Promise<Department> {
  const { rows } = await db.query<{ id: number }>(
    sql`INSERT INTO departments (code, name) VALUES (${code}, ${name}) ON CONFLICT (code) DO NOTHING RETURNING id`,
  );
  if (!rows[0])
    throw new AccountError('conflict', 'conflict', `部门编码“${code}”已被使用 / the code is taken`, {
      parameter: 'code',
      value: code,
    });
  return { id: rows[0].id, code, name, userCount: 0 };
}

export async function renameDepartment(db: Queryable, id: number, name: string): Promise<Department> {
  const { rowCount } = await db.query(sql`UPDATE departments SET name = ${name} WHERE id = ${id}`);
  if (!rowCount)
    throw new AccountError('not_found', 'not_found', `部门不存在 / no department ${id}`, {
      parameter: 'id',
      value: id,
    });
  const found = (await listDepartments(db)).find((d) => d.id === id);
  return found as Department;
}
