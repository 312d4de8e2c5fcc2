// The roles and the permissions each grants, as the permission table holds them.
import type { Queryable } from './queryable';

export interface RoleSummary {
  code: string;
  name: string;
  permissions: string[];
}

export async function listRoles(db: Queryable): Promise<RoleSummary[]> {
  const { rows } = await db.query<RoleSummary>(
    `SELECT r.code, r.name, coalesce(array_agg(rp.permission_code ORDER BY rp.permission_code)
              FILTER (WHERE rp.permission_code IS NOT NULL), '{}') AS permissions
     FROM roles r LEFT JOIN role_permissions rp ON rp.role_code = r.code GROUP BY r.code, r.name ORDER BY r.code`,
  );
  return rows;
}
