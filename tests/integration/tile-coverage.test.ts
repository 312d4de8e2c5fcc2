// A tile that the coverage of a layer version calls empty is empty: checked against the tile query itself
// (with the small-scale generalisation) over tiles from zoom 4 to 17 in and around the sample city, for
// dense, sparse and line layers. The coverage does call some tiles empty, knows which places hold only
// features too small for a zoom, and knows nothing (so answers "maybe") before it is read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { TileCoverage } from '../../spatial-api/tiles/tile-coverage';
import { minimumFeatureSize } from '../../spatial-api/tiles/tile-generalisation';
import { importFile } from '../../importers';
import { testAppConfig } from '../support/app-config';
import { freshLayer, workDir, writeJson } from '../support/import-fixtures';
import { testDatabaseUrl } from '../support/environment';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 3 });
const MVT_TILE = readFileSync(path.resolve(__dirname, '../../spatial-api/tiles/mvt-tile.sql'), 'utf8');

afterAll(() => pool.end());

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

async function currentVersion(code: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    'SELECT current_version_id::text AS id FROM layers WHERE code = $1',
    [code],
  );
  return rows[0]!.id;
}

describe('tile coverage', () => {
  it.each(['land_use_plan', 'ecological_red_line', 'blue_line', 'regional_assessments'])(
    'never calls a tile of %s empty that has features',
    async (code) => {
      const versionId = await currentVersion(code);
      const coverage = new TileCoverage(pool);
      expect(coverage.mayHaveFeatures(versionId, 14, 0, 0)).toBe(true); // not read yet
      await coverage.load(versionId);
      // deterministic samples over a box a little larger than the city
      let state = 7;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      let calledEmpty = 0;
      for (let i = 0; i < 160; i++) {
        const z = 4 + (i % 14);
        const [x, y] = tileOf(87.2 + random() * 0.8, 43.5 + random() * 0.65, z);
        const smallest = minimumFeatureSize(z) ?? null;
        if (coverage.mayHaveFeatures(versionId, z, x, y, smallest ?? 0)) continue;
        calledEmpty++;
        const { rows } = await pool.query<{ tile: Buffer | null }>(MVT_TILE, [
          versionId,
          z,
          x,
          y,
          code,
          null,
          smallest,
        ]);
        expect({ z, x, y, bytes: rows[0]?.tile?.length ?? 0 }).toEqual({ z, x, y, bytes: 0 });
      }
      expect(calledEmpty).toBeGreaterThan(0);
    },
  );

  it('keeps a tile touching the edge of a feature, buffer included', async () => {
    const versionId = await currentVersion('land_use_plan');
    const coverage = new TileCoverage(pool);
    await coverage.load(versionId);
    const { rows } = await pool.query<{ lon: number; lat: number }>(
      `SELECT ST_XMax(geom) AS lon, ST_YMax(geom) AS lat FROM layer_features WHERE layer_version_id = $1
       ORDER BY ST_XMax(geom) DESC LIMIT 1`,
      [versionId],
    );
    const { lon, lat } = rows[0]!;
    for (const z of [10, 14, 16, 18]) {
      const [x, y] = tileOf(lon, lat, z);
      expect(coverage.mayHaveFeatures(versionId, z, x, y)).toBe(true);
      const { rows: tiles } = await pool.query<{ tile: Buffer | null }>(MVT_TILE, [
        versionId,
        z,
        x,
        y,
        'land_use_plan',
        null,
        null,
      ]);
      expect(tiles[0]?.tile?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('calls a place empty at the zooms where all its features are too small to show', async () => {
    const code = await freshLayer(pool, { prefix: 'coverage_test' });
    const side = 0.00005; // about 4 m
    const square = [
      [87.7055, 43.9155],
      [87.7055 + side, 43.9155],
      [87.7055 + side, 43.9155 + side],
      [87.7055, 43.9155 + side],
      [87.7055, 43.9155],
    ];
    await importFile(pool, {
      layer: code,
      file: writeJson(workDir('coverage-'), 'tiny.geojson', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'TINY-1', name: '小地块' },
            geometry: { type: 'Polygon', coordinates: [square] },
          },
        ],
      }),
      rasterDir: testAppConfig().rasterDir,
    });
    const versionId = await currentVersion(code);
    const coverage = new TileCoverage(pool);
    await coverage.load(versionId);
    for (const [z, shown] of [
      [10, false],
      [12, false],
      [13, true],
      [16, true],
    ] as const) {
      const [x, y] = tileOf(87.70551, 43.91551, z);
      expect([z, coverage.mayHaveFeatures(versionId, z, x, y, minimumFeatureSize(z) ?? 0)]).toEqual([
        z,
        shown,
      ]);
    }
  });
});
