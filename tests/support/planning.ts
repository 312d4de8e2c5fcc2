// Helpers of the planning-generation suites: a project of the test's own with a site (inside a valid
// regional assessment area, or anywhere given), opinions posted as JSON or multipart, and the distance
// PostGIS measures independently of the planning code.
import { randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { SignedIn } from './access';
import { square, type Polygon } from './compliance-checks';

export interface TestProject {
  id: number;
  code: string;
  name: string;
  site: Polygon;
}

/** A valid regional assessment area (today in Beijing) and a point well inside it. */
export async function regionalAreaPoint(
  pool: Pool,
): Promise<{ code: string; assessments: string[]; lon: number; lat: number }> {
  const { rows } = await pool.query<{ code: string; assessments: string[]; lon: number; lat: number }>(
    `SELECT f.feature_key AS code, ARRAY(SELECT jsonb_array_elements_text(f.properties -> 'assessments')) AS assessments,
            ST_X(p.pt) AS lon, ST_Y(p.pt) AS lat
     FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
     CROSS JOIN LATERAL (SELECT ST_PointOnSurface(ST_Buffer(f.geom, -0.003)) AS pt) p
     WHERE l.code = 'regional_assessments'
       AND f.properties ->> 'valid_until' >= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
       AND NOT ST_IsEmpty(p.pt)
     ORDER BY jsonb_array_length(f.properties -> 'assessments') DESC, f.feature_key LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the sample city has no valid regional assessment area');
  return rows[0];
}

/** A project of the test's own (a fresh code), with one site version. */
export async function createTestProject(
  pool: Pool,
  spec: { name: string; districtCode?: string; site: Polygon },
): Promise<TestProject> {
  const district = spec.districtCode ?? '650102';
  const code = `2026-${district}-83-01-${String(randomInt(900_000, 999_999))}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [project],
    } = await client.query<{ id: number }>(
      `INSERT INTO projects (code, name, construction_unit, investment_type, project_type, district_code, stage)
       VALUES ($1, $2, '乌鲁木齐市测试建设单位', 'government', '房屋建筑工程', $3, 'land_use_planning') RETURNING id`,
      [code, spec.name, district],
    );
    const {
      rows: [site],
    } = await client.query<{ id: string }>(
      `INSERT INTO project_site_versions (project_id, version_no, geom, reason)
       VALUES ($1, 1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4490)), '测试用地') RETURNING id`,
      [project!.id, JSON.stringify(spec.site)],
    );
    await client.query('UPDATE projects SET current_site_version_id = $2 WHERE id = $1', [
      project!.id,
      site!.id,
    ]);
    await client.query('COMMIT');
    return { id: project!.id, code, name: spec.name, site: spec.site };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** A square site of `sideM` metres inside a valid regional assessment area. */
export async function siteInRegionalArea(pool: Pool, sideM = 80) {
  const area = await regionalAreaPoint(pool);
  return { area, site: square(area.lon, area.lat, sideM) };
}

export interface PostedOpinion {
  status: number;
  // the tests assert the body's shape themselves
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Posts an opinion as multipart: the JSON in `opinion`, each file as `attachments`. */
export async function postOpinionMultipart(
  baseUrl: string,
  user: SignedIn,
  taskId: number,
  opinion: unknown,
  files: { name: string; type: string; data: Buffer }[],
): Promise<PostedOpinion> {
  const form = new FormData();
  form.set('opinion', JSON.stringify(opinion));
  for (const f of files)
    form.append('attachments', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  const res = await fetch(`${baseUrl}/api/v1/planning-tasks/${taskId}/opinions`, {
    method: 'POST',
    headers: user.headers(),
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The nearest ellipsoidal distance from a site to a layer's current features, computed here by hand. */
export async function distanceToLayerM(pool: Pool, site: Polygon, layer: string): Promise<number> {
  const { rows } = await pool.query<{ d: number }>(
    `SELECT min(ST_Distance(f.geom::geography, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography)) AS d
     FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id WHERE l.code = $2`,
    [JSON.stringify(site), layer],
  );
  return rows[0]!.d;
}

/** Rows of the planning tables of one task: what a refused request must leave unchanged. */
export async function planningRowCounts(pool: Pool, taskId: number) {
  const { rows } = await pool.query<{ opinions: number; geometries: number; status: string }>(
    `SELECT (SELECT count(*)::int FROM planning_opinions WHERE task_id = $1) AS opinions,
            (SELECT count(*)::int FROM planning_opinion_geometries g JOIN planning_opinions o ON o.id = g.opinion_id
             WHERE o.task_id = $1) AS geometries,
            (SELECT status FROM planning_tasks WHERE id = $1) AS status`,
    [taskId],
  );
  return rows[0]!;
}
