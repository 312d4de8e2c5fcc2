// The loaded sample city, checked by PostGIS itself: valid geometries, and the spatial logic of a
// real city (farmland and red line outside the development boundary, parcels that do not overlap).
import { execFileSync } from 'node:child_process';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../support/environment';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());

const current = (code: string) =>
  `(SELECT f.* FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id WHERE l.code = '${code}')`;

async function count(text: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(text);
  return Number(rows[0]?.n);
}

describe('the sample city in PostGIS', () => {
  it('has every layer in the catalog with a published current version', async () => {
    const { rows } = await pool.query<{ code: string; feature_count: number }>(
      `SELECT l.code, v.feature_count FROM layers l JOIN layer_versions v ON v.id = l.current_version_id AND v.published_at IS NOT NULL
       WHERE l.source = '示例城市生成器' ORDER BY l.code`,
    );
    expect(rows.map((r) => r.code)).toEqual([
      'blue_line',
      'city_boundary',
      'districts',
      'ecological_red_line',
      'green_line',
      'imagery_2024',
      'land_use_plan',
      'permanent_basic_farmland',
      'purple_line',
      'regional_assessments',
      'urban_development_boundary',
      'urban_master_plan',
      'yellow_line',
    ]);
    expect(rows.find((r) => r.code === 'permanent_basic_farmland')?.feature_count).toBe(2000);
  });

  it('stores only valid geometries in CGCS2000', async () => {
    expect(
      await count(
        'SELECT count(*) AS n FROM layer_features WHERE NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4490',
      ),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM project_site_versions WHERE NOT ST_IsValid(geom)')).toBe(0);
  });

  it('keeps basic farmland and the red line outside the development boundary', async () => {
    for (const layer of ['permanent_basic_farmland', 'ecological_red_line']) {
      const overlapping = await count(
        `SELECT count(*) AS n FROM ${current(layer)} a JOIN ${current('urban_development_boundary')} b
         ON a.geom && b.geom AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1`,
      );
      expect({ layer, overlapping }).toEqual({ layer, overlapping: 0 });
    }
  });

  it('tiles blocks with parcels that do not overlap one another', async () => {
    // Neighbours meet at T-junctions whose shared vertex is rounded to 1e-8 degrees, so interiors may
    // touch by a sliver of a square millimetre; anything of a square centimetre is an overlap.
    const overlaps = await count(
      `SELECT count(*) AS n FROM ${current('land_use_plan')} a JOIN ${current('land_use_plan')} b
       ON a.id < b.id AND a.geom && b.geom AND ST_Relate(a.geom, b.geom, '2********')
       AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 0.0001`,
    );
    expect(overlaps).toBe(0);
  });

  it('puts the land-use plan inside the city boundary', async () => {
    const outside = await count(
      `SELECT count(*) AS n FROM ${current('land_use_plan')} p, ${current('city_boundary')} c WHERE NOT ST_Within(p.geom, c.geom)`,
    );
    expect(outside).toBe(0);
  });

  it('records the ellipsoidal area of each parcel within 0.1 % of its Gauss-Krüger plane area', async () => {
    const { rows } = await pool.query<{ worst: number }>(
      `SELECT max(abs(ST_Area(geom::geography) / (properties->>'area_m2')::float8 - 1)) AS worst FROM ${current('land_use_plan')} p`,
    );
    expect(rows[0]?.worst).toBeLessThan(0.001);
  });

  it('has thirty projects with site history, approval records and planning opinions', async () => {
    // the sample's projects start between 2023-03 and 2024-12; other suites add projects of today's date
    expect(
      await count(
        `SELECT count(*) AS n FROM projects WHERE current_site_version_id IS NOT NULL AND created_at < '2025-06-01'`,
      ),
    ).toBe(30);
    expect(
      await count('SELECT count(DISTINCT project_id) AS n FROM project_site_versions WHERE version_no > 1'),
    ).toBeGreaterThan(0);
    expect(await count('SELECT count(DISTINCT stage) AS n FROM projects')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM approval_records')).toBeGreaterThan(100);
    expect(await count('SELECT count(*) AS n FROM planning_opinions')).toBeGreaterThan(20);
    expect(await count('SELECT count(*) AS n FROM approval_record_deadlines WHERE overdue')).toBeGreaterThan(
      0,
    );
  });

  it('registers the imagery as a Cloud-Optimized GeoTIFF over the city centre', async () => {
    const { rows } = await pool.query<{ file_path: string; width_px: number; contains: boolean }>(
      `SELECT r.file_path, r.width_px, ST_Contains(r.extent, ST_SetSRID(ST_MakePoint(87.6, 43.8), 4490)) AS contains
       FROM layer_rasters r JOIN layers l ON l.current_version_id = r.layer_version_id WHERE l.code = 'imagery_2024'`,
    );
    expect(rows[0]?.contains).toBe(true);
    expect(rows[0]?.width_px).toBeGreaterThan(1000);
    // GDAL itself says the file is laid out as a COG, tiled, with overviews, in CGCS2000
    const info = JSON.parse(
      execFileSync('gdalinfo', ['-json', rows[0]!.file_path], { encoding: 'utf8' }),
    ) as {
      size: [number, number];
      metadata: Record<string, Record<string, string>>;
      bands: { block: [number, number]; overviews?: unknown[] }[];
      coordinateSystem: { wkt: string };
    };
    expect(info.metadata.IMAGE_STRUCTURE?.LAYOUT).toBe('COG');
    expect(info.size[0]).toBe(rows[0]!.width_px);
    expect(info.bands[0]?.block[0]).toBeLessThan(info.size[0]);
    expect(info.bands[0]?.overviews?.length).toBeGreaterThan(0);
    expect(info.coordinateSystem.wkt).toContain('China Geodetic Coordinate System 2000');
  });
});
