// Cross-plan conflicts (多规冲突) of the sample city: the planning_conflicts layer exists after set-up with a
// version and every conflict type; its areas by type agree with ST_Area on the ellipsoid of the intersections
// computed here by hand; a new farmland version imported over the API makes a new conflicts version with
// changed figures while the old one stays readable; the layer is served by WFS and WMS; the summary comes as
// JSON and CSV, to the right people; a pair file naming an unknown layer is refused with its JSON path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkConflictPairSet,
  ComplianceError,
  parseConflictPairSet,
  SAMPLE_CONFLICT_PAIRS,
} from '../../../compliance-rules';
import { conflictJobsOf, importJobsOf } from '../../../spatial-api';
import { issueTestKey, signIn, type SignedIn } from '../../support/access';
import { relative } from '../../support/compliance-checks';
import { workDir, writeJson } from '../../support/import-fixtures';
import { useTestServer } from '../../support/test-server';
import { decodeImage, getMapUrl } from '../wms/wms-server';

interface Figures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

interface Summary {
  layer: string;
  version: number;
  versionId: string;
  current: boolean;
  pairSet: { code: string; digest: string };
  sources: { layer: string; version: number; versionId: string }[];
  total: Figures;
  byType: (Figures & { conflictType: string; title: string })[];
  byDistrict: (Figures & { districtCode: string | null; districtName: string | null })[];
  byPair: (Figures & { pairId: string })[];
}

interface Job {
  id: string;
  status: string;
  phase: string;
  progress: { done: number; total: number | null };
  version: number | null;
  error: unknown;
}

const CONSTRUCTION = '^(07|08|09|10|11|12|13|16)';
const URBAN_CONSTRUCTION = '^(0701|0702|08|09|10|11|16)';
const MIN_AREA_M2 = SAMPLE_CONFLICT_PAIRS.minAreaM2;

describe('planning conflicts of the sample city', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  let admin: SignedIn;
  let planner: SignedIn;
  const dir = workDir('conflicts-');

  beforeAll(async () => {
    [reviewer, admin, planner] = await Promise.all([
      signIn(server.url, 'reviewer'),
      signIn(server.url, 'admin'),
      signIn(server.url, 'planner'),
    ]);
  });
  afterAll(async () => {
    await importJobsOf(server.app).settle();
    await conflictJobsOf(server.app).settle();
  });

  async function summary(query = ''): Promise<Summary> {
    const res = await fetch(`${server.url}/api/v1/compliance/conflicts/summary${query}`, {
      headers: reviewer.headers(),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Summary;
  }

  /** Waits for the conflict computations under way to end, then for the newest conflicts version. */
  async function settledSummary(): Promise<Summary> {
    await conflictJobsOf(server.app).settle();
    return summary();
  }

  const byType = (s: Summary, type: string) => s.byType.find((t) => t.conflictType === type)!;
  const versionOf = (s: Summary, layer: string) => s.sources.find((x) => x.layer === layer)!.versionId;

  /** ST_Area on the ellipsoid of each overlap of two layer versions' features, summed, by hand. */
  async function overlapM2(
    left: string,
    leftWhere: string,
    right: string,
    rightWhere: string,
  ): Promise<number> {
    const { rows } = await server.pool.query<{ a: number | null }>(
      `SELECT sum(a) AS a FROM (
         SELECT ST_Area(ST_Intersection(l.geom, r.geom)::geography) AS a
         FROM layer_features l JOIN layer_features r ON r.layer_version_id = $2 AND l.geom && r.geom
         WHERE l.layer_version_id = $1 AND ${leftWhere} AND ${rightWhere}
       ) x WHERE a >= $3`,
      [left, right, MIN_AREA_M2],
    );
    return rows[0]!.a ?? 0;
  }

  async function outsideM2(left: string, boundary: string): Promise<number> {
    const { rows } = await server.pool.query<{ a: number | null }>(
      `WITH b AS (SELECT ST_Union(geom) AS g FROM layer_features WHERE layer_version_id = $2)
       SELECT sum(a) AS a FROM (
         SELECT ST_Area(ST_Difference(l.geom, b.g)::geography) AS a FROM layer_features l, b
         WHERE l.layer_version_id = $1 AND l.properties ->> 'land_use_code' ~ $3
       ) x WHERE a >= $4`,
      [left, boundary, URBAN_CONSTRUCTION, MIN_AREA_M2],
    );
    return rows[0]!.a ?? 0;
  }

  /** Every conflict type's area, computed independently from the source versions the summary names. */
  async function expectedByType(s: Summary): Promise<Record<string, number>> {
    const plans = [versionOf(s, 'urban_master_plan'), versionOf(s, 'land_use_plan')];
    const construction = `l.properties ->> 'land_use_code' ~ '${CONSTRUCTION}'`;
    const sum = async (f: (plan: string) => Promise<number>, which = plans) =>
      (await Promise.all(which.map(f))).reduce((a, b) => a + b, 0);
    return {
      construction_on_farmland: await sum((p) =>
        overlapM2(p, construction, versionOf(s, 'permanent_basic_farmland'), 'true'),
      ),
      construction_in_red_line: await sum((p) =>
        overlapM2(p, construction, versionOf(s, 'ecological_red_line'), 'true'),
      ),
      construction_outside_boundary: await sum((p) =>
        outsideM2(p, versionOf(s, 'urban_development_boundary')),
      ),
      green_line_occupied: await overlapM2(
        versionOf(s, 'land_use_plan'),
        construction,
        versionOf(s, 'green_line'),
        'true',
      ),
      housing_in_power_corridor: await overlapM2(
        versionOf(s, 'land_use_plan'),
        "l.properties ->> 'land_use_code' LIKE '07%'",
        versionOf(s, 'yellow_line'),
        "r.properties ->> 'facility_type' = '高压走廊'",
      ),
    };
  }

  it('has the planning_conflicts layer with a version and every conflict type after set-up', async () => {
    const { rows } = await server.pool.query<{ kind: string; feature_count: number; name: string }>(
      `SELECT l.kind, l.name, v.feature_count FROM layers l JOIN layer_versions v ON v.id = l.current_version_id
       WHERE l.code = 'planning_conflicts' AND l.deleted_at IS NULL`,
    );
    expect(rows[0]).toMatchObject({ name: '规划冲突图斑' });
    expect(rows[0]!.feature_count).toBeGreaterThan(0);
    const s = await summary();
    expect(s.version).toBeGreaterThanOrEqual(1);
    expect(s.total.count).toBe(rows[0]!.feature_count);
    expect(s.byType.map((t) => t.conflictType).sort()).toEqual(
      SAMPLE_CONFLICT_PAIRS.conflictTypes.map((t) => t.code).sort(),
    );
    for (const type of s.byType)
      expect({ type: type.conflictType, some: type.areaM2 > 1000 }).toEqual({
        type: type.conflictType,
        some: true,
      });
    expect(s.sources.map((x) => x.layer).sort()).toEqual(
      [
        'districts',
        'ecological_red_line',
        'green_line',
        'land_use_plan',
        'permanent_basic_farmland',
        'urban_development_boundary',
        'urban_master_plan',
        'yellow_line',
      ].sort(),
    );
    expect(s.pairSet.code).toBe('sample_city');
  });

  it('agrees within 0.01 % with ST_Area on the ellipsoid of the intersections computed independently', async () => {
    const s = await settledSummary();
    const expected = await expectedByType(s);
    for (const type of s.byType) {
      expect(expected[type.conflictType]).toBeGreaterThan(0);
      // the type travels with the error, so a failure names both
      const error = relative(type.areaM2, expected[type.conflictType]!);
      expect({ type: type.conflictType, error: error < 1e-4 ? 'within 0.01 %' : error }).toEqual({
        type: type.conflictType,
        error: 'within 0.01 %',
      });
      expect(type.areaHa).toBeCloseTo(type.areaM2 / 10_000, 4);
      expect(type.areaMu).toBeCloseTo(type.areaM2 / (10_000 / 15), 2);
    }
    // every conflict is in one district or, split at a border, in several: the districts add up to the total
    const districts = s.byDistrict.reduce((sum, d) => sum + d.areaM2, 0);
    expect(relative(districts, s.total.areaM2)).toBeLessThan(1e-6);
    expect(s.byDistrict.every((d) => /^6501\d\d$/.test(d.districtCode ?? ''))).toBe(true);
  });

  it('serves the conflicts over WFS GetFeature and draws them with GetMap in the conflict type colours', async () => {
    const s = await settledSummary();
    const key = await issueTestKey(server.pool, { name: 'planning conflicts test' });
    const wfs = await fetch(
      `${server.url}/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:planning_conflicts&OUTPUTFORMAT=application/json&COUNT=100000&apikey=${key}`,
    );
    expect(wfs.status).toBe(200);
    const collection = (await wfs.json()) as {
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(collection.features).toHaveLength(s.total.count);
    const farmland = collection.features.filter(
      (f) => f.properties.conflict_type === 'construction_on_farmland',
    );
    expect(farmland.length).toBe(byType(s, 'construction_on_farmland').count);
    expect(farmland[0]!.properties).toMatchObject({
      title: '建设用地占用永久基本农田',
      right_layer: 'permanent_basic_farmland',
      right_layer_version_id: Number(versionOf(s, 'permanent_basic_farmland')),
    });
    expect(farmland[0]!.geometry.type).toBe('MultiPolygon');

    // the largest green-line conflict no other conflict overlaps, drawn in its colour (#1A9641) inside it
    const { rows } = await server.pool.query<{
      x: number;
      y: number;
      w: number;
      s: number;
      e: number;
      n: number;
    }>(
      `SELECT ST_X(p) AS x, ST_Y(p) AS y, ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n
       FROM (SELECT ST_PointOnSurface(c.geom) AS p, ST_Expand(ST_Envelope(c.geom), 0.002) AS b FROM layer_features c
             WHERE c.layer_version_id = $1 AND c.properties ->> 'conflict_type' = 'green_line_occupied'
               AND NOT EXISTS (SELECT 1 FROM layer_features o WHERE o.layer_version_id = $1 AND o.id <> c.id
                               AND ST_Intersects(o.geom, ST_Expand(ST_Envelope(c.geom), 0.002)))
             ORDER BY ST_Area(c.geom) DESC LIMIT 1) x`,
      [s.versionId],
    );
    const box = rows[0]!;
    const size = 256;
    const res = await fetch(
      getMapUrl(server.url, {
        LAYERS: 'ob:planning_conflicts',
        CRS: 'CRS:84',
        BBOX: [box.w, box.s, box.e, box.n].join(','),
        WIDTH: size,
        HEIGHT: size,
        TRANSPARENT: 'TRUE',
        apikey: key,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const pixels = await decodeImage(Buffer.from(await res.arrayBuffer()));
    const px = Math.floor(((box.x - box.w) / (box.e - box.w)) * size);
    const py = Math.floor(((box.n - box.y) / (box.n - box.s)) * size);
    const [r, g, b, a] = pixels.at(px, py);
    expect(a).toBeGreaterThan(100);
    expect({ r: r < 80, g: g > 120, b: b < 110 }).toEqual({ r: true, g: true, b: true });
    // nothing drawn at the box's corner, 0.002° away from any conflict
    expect(pixels.at(0, 0)[3]).toBe(0);
  });

  it('recomputes on a new farmland version imported over the API, keeping the old conflicts version', async () => {
    const before = await settledSummary();
    // the farmland re-delineated around the old plan's logistics park: the fields it overlaps are cut back
    const { rows } = await server.pool.query<{ collection: unknown }>(
      `WITH park AS (SELECT geom FROM layer_features WHERE layer_version_id = $2 AND feature_key = 'ZTGH-019')
       SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
         'type', 'Feature', 'properties', f.properties,
         'geometry', ST_AsGeoJSON(CASE WHEN ST_Intersects(f.geom, park.geom)
                                        AND NOT ST_IsEmpty(ST_CollectionExtract(ST_Difference(f.geom, park.geom), 3))
                                       THEN ST_Multi(ST_CollectionExtract(ST_Difference(f.geom, park.geom), 3))
                                       ELSE f.geom END, 9)::json) ORDER BY f.id)) AS collection
       FROM layer_features f, park WHERE f.layer_version_id = $1`,
      [versionOf(before, 'permanent_basic_farmland'), versionOf(before, 'urban_master_plan')],
    );
    const file = writeJson(dir, 'farmland-redelineated.geojson', rows[0]!.collection);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), path.basename(file));
    form.append('note', '物流园区周边永久基本农田调整');
    const started = await fetch(`${server.url}/api/v1/layers/permanent_basic_farmland/imports`, {
      method: 'POST',
      headers: planner.headers(),
      body: form,
    });
    expect(started.status).toBe(202);
    await importJobsOf(server.app).settle();
    const { job } = (await (
      await fetch(`${server.url}${started.headers.get('location')!}`, { headers: planner.headers() })
    ).json()) as { job: Job };
    expect(job).toMatchObject({ status: 'succeeded' });
    try {
      const after = await settledSummary();
      expect(after.version).toBe(before.version + 1);
      expect(versionOf(after, 'permanent_basic_farmland')).not.toBe(
        versionOf(before, 'permanent_basic_farmland'),
      );
      expect(versionOf(after, 'land_use_plan')).toBe(versionOf(before, 'land_use_plan'));
      const farmBefore = byType(before, 'construction_on_farmland');
      const farmAfter = byType(after, 'construction_on_farmland');
      expect(farmAfter.areaM2).toBeLessThan(farmBefore.areaM2 - 10_000);
      expect(byType(after, 'construction_in_red_line')).toEqual(byType(before, 'construction_in_red_line'));
      const expected = await expectedByType(after);
      expect(relative(farmAfter.areaM2, expected.construction_on_farmland!)).toBeLessThan(1e-4);
      // the old version is kept, with its figures and its sources
      const old = await summary(`?version=${before.version}`);
      expect(old).toMatchObject({ version: before.version, current: false });
      expect(byType(old, 'construction_on_farmland')).toEqual(farmBefore);
      expect(old.sources).toEqual(before.sources);
      const { rows: kept } = await server.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM layer_features WHERE layer_version_id = $1',
        [before.versionId],
      );
      expect(kept[0]!.n).toBe(before.total.count);
    } finally {
      // give the other suites their farmland back: the rollback recomputes the conflicts too
      const back = await fetch(`${server.url}/api/v1/layers/permanent_basic_farmland/rollback`, {
        method: 'POST',
        headers: planner.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({
          version: before.sources.find((x) => x.layer === 'permanent_basic_farmland')!.version,
        }),
      });
      expect(back.status).toBe(200);
    }
    const restored = await settledSummary();
    expect(restored.version).toBe(before.version + 2);
    expect(versionOf(restored, 'permanent_basic_farmland')).toBe(
      versionOf(before, 'permanent_basic_farmland'),
    );
    expect(byType(restored, 'construction_on_farmland').areaM2).toBeCloseTo(
      byType(before, 'construction_on_farmland').areaM2,
      2,
    );
  });

  it('recomputes on request of a rule administrator, with the progress to poll', async () => {
    const before = await settledSummary();
    const res = await fetch(`${server.url}/api/v1/compliance/conflicts/recompute`, {
      method: 'POST',
      headers: admin.headers(),
    });
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/api\/v1\/compliance\/conflicts\/recomputes\/[0-9a-f-]{36}$/);
    const { job } = (await res.json()) as { job: Job };
    expect(['queued', 'running']).toContain(job.status);
    await conflictJobsOf(server.app).settle();
    const done = (await (await fetch(`${server.url}${location}`, { headers: admin.headers() })).json()) as {
      job: Job;
    };
    expect(done.job).toMatchObject({ status: 'succeeded', phase: '完成', version: before.version + 1 });
    expect(done.job.progress.done).toBe(before.total.count);
    const after = await summary();
    expect(after.total).toEqual(before.total);
  });

  it('gives the summary as CSV with the version and its source layer versions', async () => {
    const s = await settledSummary();
    const res = await fetch(`${server.url}/api/v1/compliance/conflicts/summary?format=csv`, {
      headers: reviewer.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`planning-conflicts-v${s.version}-summary.csv`);
    const lines = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '分组,冲突类型代码,冲突类型,行政区划代码,行政区,图斑数,面积（平方米）,面积（公顷）,面积（亩）,图层,版本',
    );
    const farmland = byType(s, 'construction_on_farmland');
    expect(lines).toContain(
      `冲突类型,construction_on_farmland,建设用地占用永久基本农田,,,${farmland.count},${farmland.areaM2},${farmland.areaHa},${farmland.areaMu},planning_conflicts,${s.version}`,
    );
    expect(lines).toContain(
      `来源图层,,,,,,,,,permanent_basic_farmland,${s.sources.find((x) => x.layer === 'permanent_basic_farmland')!.version}`,
    );
    expect(lines.filter((l) => l.startsWith('行政区,'))).toHaveLength(s.byDistrict.length);
  });

  it('keeps the summary to checkers and recomputing to rule administrators', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/compliance/conflicts/summary`);
    expect(anonymous.status).toBe(401);
    const clerk = await signIn(server.url, 'clerk');
    const asClerk = await fetch(`${server.url}/api/v1/compliance/conflicts/summary`, {
      headers: clerk.headers(),
    });
    expect(asClerk.status).toBe(403);
    const asReviewer = await fetch(`${server.url}/api/v1/compliance/conflicts/recompute`, {
      method: 'POST',
      headers: reviewer.headers(),
    });
    expect(asReviewer.status).toBe(403);
    const missing = await fetch(`${server.url}/api/v1/compliance/conflicts/summary?version=99999`, {
      headers: reviewer.headers(),
    });
    expect(missing.status).toBe(404);
    expect(
      ((await missing.json()) as { error: { details: { parameter: string } } }).error.details.parameter,
    ).toBe('version');
  });

  describe('a pair file', () => {
    const copy = () => JSON.parse(JSON.stringify(SAMPLE_CONFLICT_PAIRS)) as typeof SAMPLE_CONFLICT_PAIRS;
    const refusal = async (input: unknown): Promise<ComplianceError> => {
      try {
        await checkConflictPairSet(server.pool, input);
      } catch (error) {
        if (error instanceof ComplianceError) return error;
        throw error;
      }
      throw new Error('the pair file was accepted');
    };

    it('naming a layer the catalog does not have is refused with the JSON path at fault', async () => {
      const pairs = copy();
      pairs.pairs[2]!.right.layer = 'no_such_layer';
      const error = await refusal(pairs);
      expect(error.kind).toBe('invalid');
      expect(error.details.path).toBe('pairs[2].right.layer');
      expect(error.message).toContain('no_such_layer');
    });

    it.each([
      [
        'an unknown pair kind',
        'pairs[0].kind',
        (p: ReturnType<typeof copy>) => ((p.pairs[0] as { kind: string }).kind = 'near'),
      ],
      [
        'a conflict type not declared',
        'pairs[1].conflictType',
        (p: ReturnType<typeof copy>) => (p.pairs[1]!.conflictType = 'nowhere'),
      ],
      [
        'a land-use class not in the 2023 classification',
        'pairs[3].left.landUse.classes[1]',
        (p: ReturnType<typeof copy>) => (p.pairs[3]!.left.landUse!.classes[1] = '99'),
      ],
      [
        'a colour that is not #RRGGBB',
        'conflictTypes[0].color',
        (p: ReturnType<typeof copy>) => (p.conflictTypes[0]!.color = 'red'),
      ],
    ])('with %s is refused by the schema naming %s', async (_name, path, spoil) => {
      const pairs = copy();
      spoil(pairs);
      expect(() => parseConflictPairSet(pairs)).toThrow(ComplianceError);
      const error = await refusal(pairs);
      expect(error.details.path).toBe(path);
    });

    it('the sample file passes', async () => {
      await expect(checkConflictPairSet(server.pool, copy())).resolves.toMatchObject({ code: 'sample_city' });
    });
  });
});
