// A project of the test's own (with a small site) for the approval-record tests, inserted directly: each
// test file walks its own project, so files running in parallel do not meet on one.
import { randomInt } from 'node:crypto';
import type { Pool } from 'pg';

export interface TestProject {
  id: number;
  code: string;
  districtCode: string;
}

export async function createTestProject(
  pool: Pool,
  spec: { districtCode?: string; name?: string; projectType?: string; lon?: number; lat?: number } = {},
): Promise<TestProject> {
  const districtCode = spec.districtCode ?? '650102';
  const code = `2025-${districtCode}-83-01-${String(900_000 + randomInt(99_999)).padStart(6, '0')}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO projects (code, name, construction_unit, investment_type, project_type, district_code, stage)
       VALUES ($1, $2, '乌鲁木齐市测试建设有限公司', 'social', $3, $4, 'land_use_planning') RETURNING id`,
      [code, spec.name ?? `审批测试项目${code.slice(-6)}`, spec.projectType ?? '房屋建筑工程', districtCode],
    );
    const id = rows[0]!.id;
    const lon = spec.lon ?? 87.6;
    const lat = spec.lat ?? 43.8;
    const site = await client.query<{ id: string }>(
      `INSERT INTO project_site_versions (project_id, version_no, geom, reason)
       VALUES ($1, 1, ST_Multi(ST_MakeEnvelope($2::float8, $3::float8, $2::float8 + 0.001, $3::float8 + 0.001, 4490)), '测试用地') RETURNING id`,
      [id, lon, lat],
    );
    await client.query('UPDATE projects SET current_site_version_id = $2 WHERE id = $1', [
      id,
      site.rows[0]!.id,
    ]);
    await client.query('COMMIT');
    return { id, code, districtCode };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
