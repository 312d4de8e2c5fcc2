// generalise-band.sql on a hand-made version: the features of one class under a band pixel and within a
// quarter of one become a single point, Z their summed area (10⁻⁹ square degrees), M their count, at their
// centres' area-weighted mean; another class beside them is a point of its own, a feature larger than the
// band pixel keeps its outline. Run inside a transaction that is rolled back, so nothing is left behind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { bandPixelDegrees, beginVersion, upsertLayer } from '../../../layers';
import { ROOT, testDatabaseUrl } from '../../support/environment';
import { transactionPerTest } from '../../support/transaction-per-test';

const GENERALISE_BAND = readFileSync(path.join(ROOT, 'layers/generalisation/generalise-band.sql'), 'utf8');
const BAND = 8;
const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
let client: PoolClient;

afterAll(async () => {
  await pool.end();
});

/**
 * The south-west corner of a quarter-pixel cell of the band near (lon, lat): cells are half a pixel of
 * longitude wide and half a pixel of Web Mercator y high (its ordinate in degrees, ln tan(45° + φ/2)).
 */
function cellCorner(lon: number, lat: number): { west: number; south: number } {
  const half = bandPixelDegrees(BAND) / 2;
  const radians = Math.PI / 180;
  const mercatorY = Math.log(Math.tan(Math.PI / 4 + (lat * radians) / 2)) / radians;
  const edge = Math.ceil(mercatorY / half) * half;
  const south = (2 * Math.atan(Math.exp(edge * radians)) - Math.PI / 2) / radians;
  return { west: Math.ceil(lon / half) * half, south };
}

interface Square {
  code: string;
  west: number;
  south: number;
  size: number;
}

/** A version of a new layer holding these squares (degrees), its id. */
async function versionOf(squares: Square[]): Promise<string> {
  const layerId = await upsertLayer(client, {
    code: 'merged_splats_test',
    name: '合并测试',
    kind: 'plan',
    geometryType: 'MultiPolygon',
    attributeSchema: [],
    style: { name: 'test', rules: [] },
    sortOrder: 0,
    public: false,
  });
  const { versionId } = await beginVersion(client, layerId, { sourceName: 'hand-made' });
  for (const [i, s] of squares.entries()) {
    await client.query(
      `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
       VALUES ($1, $2, jsonb_build_object('land_use_code', $3::text),
               ST_Multi(ST_MakeEnvelope($4::float8, $5::float8, $4::float8 + $6::float8, $5::float8 + $6::float8, 4490)))`,
      [versionId, `f${i}`, s.code, s.west, s.south, s.size],
    );
  }
  await client.query(
    `INSERT INTO layer_generalisations (layer_version_id, property_names, bands, feature_count, group_count, build_ms)
     VALUES ($1, '{land_use_code}', $2, $3, 0, 0)`,
    [versionId, [BAND], squares.length],
  );
  return versionId;
}

transactionPerTest(pool, (c) => (client = c));

it('merges the small features of a class within a quarter band pixel into one point with their area and count', async () => {
  const pixel = bandPixelDegrees(BAND);
  const { west, south } = cellCorner(87.6, 43.8);
  const step = pixel / 2 / 12;
  const squares: Square[] = [];
  // 10 × 8 squares of class 0701, sizes varying, all inside the cell
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 8; j++) {
      squares.push({
        code: '0701',
        west: west + i * step,
        south: south + j * step * 0.7,
        size: step * (0.3 + 0.05 * ((i + j) % 5)),
      });
    }
  }
  squares.push({ code: '1101', west: west + step, south: south + step, size: step * 0.5 });
  squares.push({ code: '0701', west: west - 2 * pixel, south: south - 2 * pixel, size: pixel * 1.5 });
  const versionId = await versionOf(squares);

  await client.query(GENERALISE_BAND, [versionId, BAND, ['land_use_code'], 64]);
  const { rows } = await client.query<{
    code: string;
    members: number;
    type: string;
    points: number;
    x: number;
    y: number;
    z: number;
    m: number;
  }>(
    `SELECT property_values[1] AS code, member_count AS members, GeometryType(geom) AS type,
            ST_NumGeometries(geom) AS points,
            CASE WHEN GeometryType(geom) = 'MULTIPOINT' THEN ST_X(ST_GeometryN(geom, 1)) END AS x, CASE WHEN GeometryType(geom) = 'MULTIPOINT' THEN ST_Y(ST_GeometryN(geom, 1)) END AS y,
            CASE WHEN GeometryType(geom) = 'MULTIPOINT' THEN ST_Z(ST_GeometryN(geom, 1)) END AS z, CASE WHEN GeometryType(geom) = 'MULTIPOINT' THEN ST_M(ST_GeometryN(geom, 1)) END AS m
     FROM layer_generalised_groups WHERE layer_version_id = $1 ORDER BY code, members DESC`,
    [versionId],
  );
  const small = squares.filter((s) => s.code === '0701' && s.size < pixel);
  const area = (s: Square) => s.size * s.size;
  const total = small.reduce((sum, s) => sum + area(s), 0);
  const meanX = small.reduce((sum, s) => sum + area(s) * (s.west + s.size / 2), 0) / total;
  const meanY = small.reduce((sum, s) => sum + area(s) * (s.south + s.size / 2), 0) / total;

  expect(rows.map(({ code, members, type, points }) => ({ code, members, type, points }))).toEqual([
    { code: '0701', members: 80, type: 'MULTIPOINT', points: 1 },
    { code: '0701', members: 1, type: 'GEOMETRYCOLLECTION', points: 1 },
    { code: '1101', members: 1, type: 'MULTIPOINT', points: 1 },
  ]);
  const merged = rows[0]!;
  expect(merged.m).toBe(80);
  expect(merged.z / (total * 1e9)).toBeCloseTo(1, 9);
  expect(merged.x).toBeCloseTo(meanX, 10);
  expect(merged.y).toBeCloseTo(meanY, 10);
  expect(rows[2]!.m).toBe(1);
  expect(rows[2]!.z / (area(squares[80]!) * 1e9)).toBeCloseTo(1, 9);
});

it('keeps features in different quarters of a pixel as different points', async () => {
  const pixel = bandPixelDegrees(BAND);
  const { west, south } = cellCorner(87.6, 43.8);
  const size = pixel / 20;
  // either side of the cell's western edge, then either side of its southern edge
  const versionId = await versionOf([
    { code: '0701', west: west + size, south: south + size, size },
    { code: '0701', west: west - 2 * size, south: south + size, size },
    { code: '0701', west: west + size, south: south - 2 * size, size },
  ]);
  await client.query(GENERALISE_BAND, [versionId, BAND, ['land_use_code'], 64]);
  const { rows } = await client.query<{ points: number; members: number }>(
    `SELECT sum(ST_NumGeometries(geom))::int AS points, sum(member_count)::int AS members
     FROM layer_generalised_groups WHERE layer_version_id = $1`,
    [versionId],
  );
  expect(rows[0]).toEqual({ points: 3, members: 3 });
});
