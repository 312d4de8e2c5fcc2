// Construction conditions checked against the land-use plan (控规) under the site: a site drawn across two
// parcels of different indicators, an opinion with plot-ratio, green-ratio and height conditions, each
// compared with the strictest parcel PostGIS finds under the same site (the parcels sharing at least 1 % of
// it), met when no looser than the plan and not met when looser; a text condition is not checkable; the
// 策划意见书 says which parcel and value each was checked against.
import type { Pool } from 'pg';
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { square, type Polygon } from '../../support/compliance-checks';
import { docxText } from '../../support/docx-text';
import { createTestProject, type TestProject } from '../../support/planning';
import { useTestServer } from '../../support/test-server';

jest.setTimeout(120_000);

interface Parcel {
  key: string;
  plot_ratio: number;
  green_ratio_pct: number;
  height_limit_m: number;
}

/** A point on the shared edge of two neighbouring parcels whose plot ratios differ. */
async function sharedEdgePoint(pool: Pool): Promise<{ lon: number; lat: number }> {
  const { rows } = await pool.query<{ lon: number; lat: number }>(
    `WITH plan AS (
       SELECT f.feature_key, f.geom, (f.properties ->> 'plot_ratio')::float8 AS far
       FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
       WHERE l.code = 'land_use_plan' AND jsonb_typeof(f.properties -> 'plot_ratio') = 'number'
     ), edges AS (
       SELECT a.feature_key, ST_LineMerge(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)) AS edge
       FROM plan a JOIN plan b ON a.feature_key < b.feature_key AND a.geom && b.geom AND a.far <> b.far
       WHERE ST_Relate(a.geom, b.geom, 'F***1****')
     )
     SELECT ST_X(p) AS lon, ST_Y(p) AS lat
     FROM edges CROSS JOIN LATERAL (SELECT ST_PointOnSurface(edge) AS p) pt
     WHERE ST_GeometryType(edge) = 'ST_LineString' AND ST_Length(edge::geography) > 200
     ORDER BY feature_key LIMIT 1`,
  );
  if (!rows[0])
    throw new Error('the sample land-use plan has no neighbouring parcels of different plot ratios');
  return rows[0];
}

/** The parcels sharing at least 1 % of the site, with their indicators, measured on the ellipsoid. */
async function parcelsUnder(pool: Pool, site: Polygon): Promise<Parcel[]> {
  const { rows } = await pool.query<Parcel>(
    `WITH s AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS g)
     SELECT f.feature_key AS key, (f.properties ->> 'plot_ratio')::float8 AS plot_ratio,
            (f.properties ->> 'green_ratio_pct')::float8 AS green_ratio_pct,
            (f.properties ->> 'height_limit_m')::float8 AS height_limit_m
     FROM s, layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
     WHERE l.code = 'land_use_plan'
       AND ST_Area(ST_Intersection(f.geom, s.g)::geography) >= 0.01 * ST_Area(s.g::geography)`,
    [JSON.stringify(site)],
  );
  return rows;
}

describe('construction conditions checked against the land-use plan', () => {
  const server = useTestServer();
  let planner: SignedIn;
  let ecology: SignedIn;
  let project: TestProject;
  let parcels: Parcel[];
  let taskId: number;
  let farParcel: string;

  beforeAll(async () => {
    planner = await signIn(server.url, 'planner');
    ecology = await signIn(server.url, 'dept_reviewer');
    const point = await sharedEdgePoint(server.pool);
    const site = square(point.lon, point.lat, 60);
    project = await createTestProject(server.pool, { name: '控规指标核验测试工程', site });
    parcels = await parcelsUnder(server.pool, site);
    const deadline = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const task = await requestJson(`${server.url}/api/v1/projects/${project.code}/planning-tasks`, {
      method: 'POST',
      headers: planner.headers(),
      body: { title: '控规指标核验测试工程项目策划', deadline, departments: ['ecology_environment'] },
    });
    expect(task.status).toBe(201);
    taskId = task.body.id;
  });

  const strictest = (attribute: keyof Omit<Parcel, 'key'>, lowest: boolean) =>
    parcels.reduce((best, p) =>
      (lowest ? p[attribute] < best[attribute] : p[attribute] > best[attribute]) ? p : best,
    );

  it('checks ratio, green and height conditions against the strictest parcel under the site', async () => {
    // the site lies across parcels whose plot ratios differ, so "strictest" is put to the test
    expect(new Set(parcels.map((p) => p.plot_ratio)).size).toBeGreaterThan(1);
    const far = strictest('plot_ratio', true);
    const loosestFar = Math.max(...parcels.map((p) => p.plot_ratio));
    const green = strictest('green_ratio_pct', false);
    const height = strictest('height_limit_m', true);
    const res = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}/opinions`, {
      method: 'POST',
      headers: ecology.headers(),
      body: {
        text: '原则同意，建设强度按控规执行。',
        conditions: [
          { kind: 'plot_ratio_max', value: far.plot_ratio, legalBasis: '控制性详细规划' },
          { kind: 'plot_ratio_max', value: loosestFar, legalBasis: '控制性详细规划' },
          { kind: 'green_ratio_min', value: green.green_ratio_pct },
          { kind: 'green_ratio_min', value: green.green_ratio_pct - 1 },
          { kind: 'height_max', value: height.height_limit_m },
          { kind: 'other', text: '施工期落实扬尘防治措施' },
        ],
        requiredAssessments: ['环评'],
      },
    });
    expect(res.status).toBe(201);
    const checks = (res.body.opinion.conditions as { check: Record<string, unknown> }[]).map((c) => c.check);
    // the parcel named is one of those with the strictest value (several may share it)
    const keysWith = (attribute: keyof Omit<Parcel, 'key'>, value: number) =>
      parcels.filter((p) => p[attribute] === value).map((p) => p.key);
    expect(checks[0]).toMatchObject({ status: 'met', layer: 'land_use_plan', planValue: far.plot_ratio });
    farParcel = (checks[0]!.planParcel as { key: string }).key;
    expect(keysWith('plot_ratio', far.plot_ratio)).toContain(farParcel);
    expect(checks[0]!.note).toContain(`控规地块${farParcel}容积率≤${far.plot_ratio}`);
    // the loosest parcel's ratio is looser than the strictest one's: the detailed plan would not allow it
    expect(checks[1]).toMatchObject({ status: 'not_met', planValue: far.plot_ratio });
    expect(checks[2]).toMatchObject({ status: 'met', planValue: green.green_ratio_pct });
    expect(keysWith('green_ratio_pct', green.green_ratio_pct)).toContain(
      (checks[2]!.planParcel as { key: string }).key,
    );
    expect(checks[3]).toMatchObject({ status: 'not_met', planValue: green.green_ratio_pct });
    expect(checks[4]).toMatchObject({ status: 'met', planValue: height.height_limit_m });
    expect(checks[5]).toMatchObject({ status: 'not_checkable', planValue: null });
    // kept with the opinion as submitted
    const stored = await server.pool.query<{ statuses: string[] }>(
      `SELECT ARRAY(SELECT c ->> 'status' FROM jsonb_array_elements(condition_checks) c) AS statuses
       FROM planning_opinions WHERE task_id = $1`,
      [taskId],
    );
    expect(stored.rows).toEqual([{ statuses: ['met', 'not_met', 'met', 'not_met', 'met', 'not_checkable'] }]);
  });

  it('says in the 策划意见书 which parcel and value each condition was checked against', async () => {
    const concluded = await requestJson(`${server.url}/api/v1/planning-tasks/${taskId}/conclusion`, {
      method: 'POST',
      headers: planner.headers(),
      body: { conclusion: '同意按控规指标开展前期工作。' },
    });
    expect(concluded.status).toBe(200);
    const res = await fetch(`${server.url}/api/v1/planning-tasks/${taskId}/opinion-document.docx`, {
      headers: planner.headers(),
    });
    expect(res.status).toBe(200);
    const { text } = await docxText(Buffer.from(await res.arrayBuffer()));
    const far = strictest('plot_ratio', true);
    expect(text).toContain(`图上核验：符合（控规地块${farParcel}容积率≤${far.plot_ratio}，条件不宽于控规）`);
    expect(text).toContain('图上核验：不符合（控规地块');
    expect(text).toContain('条件宽于控规');
  });
});
