// Fixture sites in the sample city checked over the API: each gets the expected verdict and rule results, and
// every area agrees within 0.01 % with ST_Area on the ellipsoid computed independently here.
import { signIn, type SignedIn } from '../../support/access';
import {
  featureGeometry,
  overlapM2,
  postCheck,
  projectSite,
  relative,
  rule,
  siteAreaM2,
  square,
  type CheckBody,
} from '../../support/compliance-checks';
import { useTestServer } from '../../support/test-server';

const M2_PER_MU = 10_000 / 15;

describe('compliance checks of the sample city fixture sites', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
  });

  async function check(body: Record<string, unknown>): Promise<CheckBody> {
    const { status, body: run } = await postCheck(server.url, reviewer, body);
    expect({ status, error: run.error }).toEqual({ status: 201, error: undefined });
    return run;
  }

  it('passes a clean housing site inside the development boundary (通过)', async () => {
    const site = await featureGeometry(server.pool, 'land_use_plan', 'TT-1040-001');
    const run = await check({ geometry: site, projectType: '房屋建筑工程' });
    expect(run.verdict).toBe('通过');
    expect(run.rules.filter((r) => r.severity !== 'inform').every((r) => r.passed)).toBe(true);
    expect(rule(run, 'land-use-compatibility').details).toMatchObject({
      projectType: '房屋建筑工程',
      classes: [expect.objectContaining({ code: '0701', name: '城镇住宅用地', compatible: true })],
    });
    expect(rule(run, 'urban-development-boundary').areaM2).toBe(0);
    expect(rule(run, 'jurisdiction').details.districts).toEqual([
      expect.objectContaining({ code: '650106', name: '头屯河区' }),
    ]);
    const expected = await siteAreaM2(server.pool, site);
    expect(relative(run.siteAreaM2, expected)).toBeLessThan(1e-4);
    expect(run.siteAreaHa).toBeCloseTo(run.siteAreaM2 / 10_000, 4);
    expect(run.siteAreaMu).toBeCloseTo(run.siteAreaM2 / M2_PER_MU, 2);
  });

  it('refuses a site over the ecological red line (不通过) with the overlap area, features and geometry', async () => {
    const project = await projectSite(server.pool, '矿泉水生产线');
    const run = await check({ geometry: project.geometry, projectCode: project.code });
    expect(run.verdict).toBe('不通过');
    expect(run.projectCode).toBe(project.code);
    const red = rule(run, 'ecological-red-line');
    expect(red).toMatchObject({
      kind: 'must_not_intersect',
      severity: 'prohibit',
      passed: false,
      title: '不得占用生态保护红线',
    });
    const expected = await overlapM2(server.pool, project.geometry, 'ecological_red_line');
    expect(expected).toBeGreaterThan(1000);
    expect(relative(red.areaM2!, expected)).toBeLessThan(1e-4);
    expect(red.areaHa).toBeCloseTo(red.areaM2! / 10_000, 4);
    expect(red.areaMu).toBeCloseTo(red.areaM2! / M2_PER_MU, 2);
    expect(red.ratio).toBeCloseTo(red.areaM2! / run.siteAreaM2, 6);
    expect(red.features[0]).toMatchObject({
      layer: 'ecological_red_line',
      key: expect.stringMatching(/^STHX-/),
    });
    expect(red.features[0]!.attributes).toHaveProperty('function_type');
    expect(red.conflictGeometry?.type).toMatch(/Polygon/);
  });

  it('refuses a site on permanent basic farmland (不通过)', async () => {
    const project = await projectSite(server.pool, '农光互补光伏发电');
    const run = await check({ geometry: project.geometry, projectCode: project.code });
    expect(run.verdict).toBe('不通过');
    const farmland = rule(run, 'permanent-basic-farmland');
    expect(farmland.passed).toBe(false);
    const expected = await overlapM2(server.pool, project.geometry, 'permanent_basic_farmland');
    expect(relative(farmland.areaM2!, expected)).toBeLessThan(1e-4);
    expect(farmland.features.every((f) => f.layer === 'permanent_basic_farmland')).toBe(true);
    expect(farmland.features.map((f) => f.key)).toContain(
      (farmland.features[0]!.attributes as { farmland_code: string }).farmland_code,
    );
  });

  it('warns about a site straddling the development boundary (有条件通过) with the area outside', async () => {
    // a 100 m square on a vertex of the boundary CZKFBJ-1, 150 m and more from the red line and farmland
    const site = square(87.36777081, 43.83174608, 100);
    const run = await check({ geometry: site });
    const boundary = rule(run, 'urban-development-boundary');
    expect(boundary).toMatchObject({ kind: 'must_be_within', severity: 'warn', passed: false });
    const inside = await overlapM2(server.pool, site, 'urban_development_boundary');
    const area = await siteAreaM2(server.pool, site);
    expect(boundary.areaM2!).toBeGreaterThan(1000);
    expect(boundary.areaM2!).toBeLessThan(area - 1000);
    expect(relative(boundary.areaM2!, area - inside)).toBeLessThan(1e-4);
    expect(boundary.conflictGeometry?.type).toMatch(/Polygon/);
    expect(run.rules.filter((r) => r.severity === 'prohibit').every((r) => r.passed)).toBe(true);
    expect(run.verdict).toBe('有条件通过');
  });

  it('warns about a site 15 m from the river blue line, with the nearest distance on the ellipsoid', async () => {
    // the easternmost vertex of 乌鲁木齐河 section LX-004; the square starts 15 m east of it
    const [lon, lat] = [87.56674132, 43.73266026];
    const dLon = (m: number) => m / (111_320 * Math.cos((lat * Math.PI) / 180));
    const site = square(lon + dLon(15 + 40), lat, 80);
    const run = await check({ geometry: site });
    const blue = rule(run, 'blue-line-setback');
    expect(blue.passed).toBe(false);
    const { rows } = await server.pool.query<{ d: number }>(
      `SELECT min(ST_Distance(f.geom::geography, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography)) AS d
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = 'blue_line'`,
      [JSON.stringify(site)],
    );
    expect(rows[0]!.d).toBeGreaterThan(10);
    expect(rows[0]!.d).toBeLessThan(20);
    expect(Math.abs(blue.distanceM! - rows[0]!.d)).toBeLessThan(0.01);
    expect(blue.features[0]).toMatchObject({ layer: 'blue_line', key: 'LX-004' });
    // the part of the site within 30 m: a strip about 15 m wide along the west edge of the 80 m square
    expect(blue.areaM2!).toBeGreaterThan(80 * 8);
    expect(blue.areaM2!).toBeLessThan(80 * 20);
    expect(run.verdict).toBe('有条件通过');
  });

  it('lists the reusable assessments of a site inside a regional-assessment area', async () => {
    const site = await featureGeometry(server.pool, 'land_use_plan', 'TT-0547-003');
    const run = await check({ geometry: site, projectType: '工业项目' });
    const assessment = rule(run, 'regional-assessment');
    expect(assessment).toMatchObject({
      kind: 'within_regional_assessment',
      severity: 'inform',
      passed: true,
    });
    expect(assessment.features.map((f) => f.key)).toEqual(['QYPG-01']);
    expect(assessment.details.reusableAssessments).toEqual(
      expect.arrayContaining(['环境影响评价', '地震安全性评价', '水资源论证']),
    );
    expect(relative(assessment.areaM2!, await siteAreaM2(server.pool, site))).toBeLessThan(1e-4);
    expect(rule(run, 'land-use-compatibility').passed).toBe(true);
  });

  it('records the rule-set version and every layer version it read', async () => {
    const run = await check({ geometry: square(87.4432, 43.8046, 60) });
    expect(run.ruleSet).toEqual({
      code: 'sample_city',
      version: expect.any(Number),
      name: expect.any(String),
    });
    expect(run.layerVersions.map((l) => l.layer).sort()).toEqual(
      [
        'blue_line',
        'city_boundary',
        'districts',
        'ecological_red_line',
        'green_line',
        'land_use_plan',
        'permanent_basic_farmland',
        'regional_assessments',
        'urban_development_boundary',
      ].sort(),
    );
    const { rows } = await server.pool.query<{ code: string; version_no: number }>(
      `SELECT l.code, v.version_no FROM compliance_run_layers r JOIN layer_versions v ON v.id = r.layer_version_id
       JOIN layers l ON l.id = v.layer_id WHERE r.run_id = $1 ORDER BY l.code`,
      [run.id],
    );
    expect(rows.map((r) => ({ layer: r.code, version: r.version_no }))).toEqual(
      run.layerVersions.map((l) => ({ layer: l.layer, version: l.version })),
    );
  });

  it('accepts the site in a Gauss-Krüger zone (EPSG:4538) and finds the same area', async () => {
    const site = square(87.4432, 43.8046, 100);
    const { rows } = await server.pool.query<{ g: unknown }>(
      "SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490), '+proj=longlat +ellps=GRS80 +no_defs', '+proj=tmerc +lat_0=0 +lon_0=87 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'), 6)::json AS g",
      [JSON.stringify(site)],
    );
    const inDegrees = await check({ geometry: site });
    const inZone = await check({ geometry: rows[0]!.g, crs: 'EPSG:4538' });
    expect(inZone.input.crs).toBe('EPSG:4538');
    expect(relative(inZone.siteAreaM2, inDegrees.siteAreaM2)).toBeLessThan(1e-4);
  });

  // No Gauss-Krüger zone border crosses the sample city: it spans about 87.22°E to 88.00°E, inside the 3° zone
  // of 87°E (85.5°E to 88.5°E) and the 6° zone 15 (84°E to 90°E), so a site across a zone border would lie
  // outside the city and be refused. What a border crossing tests, a site measured far from a zone's central
  // meridian, is tested instead: a square drawn in the neighbouring 3° zone (central meridian 90°E,
  // EPSG:4539), about 190 km east of the site, where the plane exaggerates areas by about 0.09 %.
  it('measures a site given in a Gauss-Krüger zone far from its central meridian on the ellipsoid, not the plane', async () => {
    const zone90 = '+proj=tmerc +lat_0=0 +lon_0=90 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const geographic = '+proj=longlat +ellps=GRS80 +no_defs';
    // the centre of the largest circle inside the city, in the zone's plane
    const { rows: centre } = await server.pool.query<{ x: number; y: number }>(
      `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (
         SELECT ST_Transform((ST_MaximumInscribedCircle(f.geom)).center, $1, $2) AS p
         FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
         WHERE l.code = 'city_boundary' LIMIT 1) c`,
      [geographic, zone90],
    );
    const { x, y } = centre[0]!;
    const half = 200; // a 400 m square in the plane: 160,000 m² there
    const planeSite = {
      type: 'Polygon',
      coordinates: [
        [
          [x - half, y - half],
          [x + half, y - half],
          [x + half, y + half],
          [x - half, y + half],
          [x - half, y - half],
        ],
      ],
    };
    const run = await check({ geometry: planeSite, crs: 'EPSG:4539' });
    expect(run.input.crs).toBe('EPSG:4539');
    // PostGIS geography of the same square, its corners taken to CGCS2000 degrees here
    const { rows } = await server.pool.query<{ a: number; lat: number }>(
      `WITH g AS (SELECT ST_SetSRID(ST_Transform(ST_GeomFromGeoJSON($1), $2, $3), 4490) AS g)
       SELECT ST_Area(g::geography) AS a, ST_Y(ST_Centroid(g)) AS lat FROM g`,
      [JSON.stringify(planeSite), zone90, geographic],
    );
    const { a: geography, lat } = rows[0]!;
    expect(relative(run.siteAreaM2, geography)).toBeLessThan(1e-4);
    // by hand: the plane area over the square of the point scale factor of the transverse Mercator at the
    // centre, k = 1 + E²/(2R²) + E⁴/(24R⁴), R² = M·N on GRS80 (E: metres east of the central meridian)
    const f = 1 / 298.257222101;
    const e2 = f * (2 - f);
    const s2 = Math.sin((lat * Math.PI) / 180) ** 2;
    const n = 6_378_137 / Math.sqrt(1 - e2 * s2);
    const m = (6_378_137 * (1 - e2)) / (1 - e2 * s2) ** 1.5;
    const q = (x - 500_000) ** 2 / (m * n);
    const k = 1 + q / 2 + q ** 2 / 24;
    expect(x - 500_000).toBeLessThan(-150_000); // far west of 90°E
    expect(relative(run.siteAreaM2, 160_000 / k ** 2)).toBeLessThan(1e-4);
    // and the plane's figure would have missed by far more than the 0.01 % allowed
    expect(relative(160_000, run.siteAreaM2)).toBeGreaterThan(5e-4);
  });

  it('measures a multipolygon with a hole across a district border, per district, on the ellipsoid', async () => {
    // a 200 m square with a 60 m hole on a corner of 天山区 and 新市区 (where 沙依巴克区 meets them too), and a
    // 100 m square 1 km east
    const [lon, lat] = [87.58978676, 43.82585096];
    const outer = square(lon, lat, 200).coordinates[0]!;
    const hole = square(lon, lat, 60).coordinates[0]!.slice().reverse();
    const east = square(lon + 1000 / (111_320 * Math.cos((lat * Math.PI) / 180)), lat, 100).coordinates;
    const site = { type: 'MultiPolygon', coordinates: [[outer, hole], east] };
    const run = await check({ geometry: site });
    const expected = await siteAreaM2(server.pool, site);
    expect(relative(run.siteAreaM2, expected)).toBeLessThan(1e-4);
    // the hole is not part of the site (the squares are about, not exactly, their nominal size)
    expect(relative(run.siteAreaM2, 200 * 200 + 100 * 100 - 60 * 60)).toBeLessThan(0.01);
    const districts = rule(run, 'jurisdiction').details.districts as { name: string; areaM2: number }[];
    expect(districts.map((d) => d.name)).toEqual(expect.arrayContaining(['天山区', '新市区']));
    const { rows } = await server.pool.query<{ name: string; a: number }>(
      `SELECT f.properties ->> 'name' AS name,
              ST_Area(ST_Intersection(f.geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490))::geography) AS a
       FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
       WHERE l.code = 'districts' AND ST_Intersects(f.geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490))`,
      [JSON.stringify(site)],
    );
    expect(districts.map((d) => d.name).sort()).toEqual(
      rows
        .filter((r) => r.a > 0)
        .map((r) => r.name)
        .sort(),
    );
    for (const row of rows) {
      expect(relative(districts.find((d) => d.name === row.name)!.areaM2, row.a)).toBeLessThan(1e-4);
    }
    const total = districts.reduce((sum, d) => sum + d.areaM2, 0);
    expect(relative(total, expected)).toBeLessThan(1e-4);
  });
});
