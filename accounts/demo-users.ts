// The demo users of the embedded default: one per role and a district-scoped planner, all with the one demo
// password (DEMO_PASSWORD, or the one generated at the first start). Never in production.
import { sql } from '../sql';
import { hashPassword, verifyPassword } from './passwords';
import type { Queryable } from './queryable';

export interface DemoUser {
  username: string;
  displayName: string;
  department: string;
  roles: string[];
  districts: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    department: 'government_services',
    roles: ['admin'],
    districts: [],
  },
  {
    username: 'planner',
    displayName: '规划演示用户',
    department: 'natural_resources',
    roles: ['planner'],
    districts: [],
  },
  {
    username: 'reviewer',
    displayName: '审查演示用户',
    department: 'natural_resources',
    roles: ['reviewer'],
    districts: [],
  },
  {
    username: 'dept_reviewer',
    displayName: '部门审查演示用户',
    department: 'ecology_environment',
    roles: ['dept_reviewer'],
    districts: [],
  },
  {
    username: 'clerk',
    displayName: '窗口演示用户',
    department: 'government_services',
    roles: ['clerk'],
    districts: [],
  },
  {
    username: 'viewer',
    displayName: '查看演示用户',
    department: 'natural_resources',
    roles: ['viewer'],
    districts: [],
  },
  {
    username: 'planner_tianshan',
    displayName: '天山区规划演示用户',
    department: 'natural_resources',
    roles: ['planner'],
    districts: ['650102'],
  },
];

/** Creates the demo users that are missing and gives every one of them the demo password. */
export async function ensureDemoUsers(db: Queryable, password: string): Promise<void> {
  let hash: string | undefined;
  for (const demo of DEMO_USERS) {
    const { rows } = await db.query<{ id: number; password_hash: string | null }>(
      sql`INSERT INTO users (username, display_name, department_id)
          VALUES (${demo.username}, ${demo.displayName}, (SELECT id FROM departments WHERE code = ${demo.department}))
          ON CONFLICT (username) DO UPDATE SET active = true
          RETURNING id, password_hash`,
    );
    const user = rows[0] as { id: number; password_hash: string | null };
    if (!(await verifyPassword(user.password_hash, password))) {
      hash ??= await hashPassword(password);
      await db.query(
        sql`UPDATE users SET password_hash = ${hash}, password_changed_at = now(), failed_logins = 0,
                   locked_until = NULL WHERE id = ${user.id}`,
      );
    }
    await db.query(sql`INSERT INTO user_roles (user_id, role_code)
                       SELECT ${user.id}, unnest(${demo.roles}::text[]) ON CONFLICT DO NOTHING`);
    await db.query(sql`INSERT INTO district_scopes (user_id, district_code)
                       SELECT ${user.id}, unnest(${demo.districts}::text[]) ON CONFLICT DO NOTHING`);
  }
}
