// A dense layer drawn at small scales from its generalisation (layers/generalisation) shows what the full
// drawing shows, within one pixel: a copy of the sample city's land-use plan (5,407 parcels) is drawn
// whole, generalised, then its features are deleted so that what GetMap still draws can only come from
// the generalised groups, and the two drawings are compared pixel by pixel. A map finer than the finest
// band, and a style reading a property the groups do not carry, read the (deleted) features instead.
import type { PoolClient } from 'pg';
import {
  bandPixelDegrees,
  beginVersion,
  GENERALISED_BANDS,
  publishVersion,
  upsertLayer,
  type AttributeDefinition,
} from '../../../layers';
import { generaliseLayers } from '../../../spatial-api';
import { useTestServer } from '../../support/test-server';
import { decodeImage, getMapUrl, type Pixels } from './wms-server';

const CODE = 'generalisation_test_land_use';

/** A pixel as seen over a white page: RGB of the colour composited over white. */
function seen(p: Pixels, x: number, y: number): [number, number, number] {
  const [r, g, b, a] = p.at(x, y);
  const over = (c: number) => (c * a) / 255 + 255 * (1 - a / 255);
  return [over(r), over(g), over(b)];
}

/**
 * Pixels of `a` (as seen over white) with no pixel within one pixel of them in `b` whose colour is
 * within `tolerance` in every channel.
 */
function beyondOnePixel(a: Pixels, b: Pixels, tolerance: number): number {
  let count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const p = seen(a, x, y);
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const qx = x + dx;
          const qy = y + dy;
          if (qx < 0 || qy < 0 || qx >= b.width || qy >= b.height) continue;
          const q = seen(b, qx, qy);
          near = p.every((v, i) => Math.abs(v - q[i]!) <= tolerance);
        }
      }
      if (!near) count++;
    }
  }
  return count;
}

/** The mean difference (as seen over white) per channel and pixel, 0..255. */
function meanDifference(a: Pixels, b: Pixels): number {
  let sum = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const p = seen(a, x, y);
      const q = seen(b, x, y);
      sum += Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
    }
  }
  return sum / (a.width * a.height * 3);
}

/** Pixels whose colour differs at all. */
function differing(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2] ||
      a.data[i + 3] !== b.data[i + 3]
    )
      count++;
  }
  return count;
}

describe('small-scale maps from a generalisation', () => {
  const server = useTestServer();
  let versionId = '';
  let extent = { west: 0, south: 0, east: 0, north: 0 };
  /** the city's middle in EPSG:4538 */
  let gaussKruger = { easting: 0, northing: 0 };

  const merc = (lon: number, lat: number) => [
    (lon * Math.PI * 6378137) / 180,
    6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
  ];

  /**
   * The whole city at 1024×768, and for each band a 256×256 map in the city's middle whose pixel falls in
   * that band (Web Mercator, CRS:84 and EPSG:4490 in turn; and zoom 8 in EPSG:4538): the band it should
   * be drawn from, and its GetMap parameters.
   */
  const frames = (): { name: string; band: number | null; params: Record<string, string | number> }[] => {
    const { west, south, east, north } = extent;
    const lon = (west + east) / 2;
    const lat = (south + north) / 2;
    const list: { name: string; band: number | null; params: Record<string, string | number> }[] = [
      {
        name: 'the whole city, EPSG:4490, 1024×768',
        band: null,
        params: { CRS: 'EPSG:4490', BBOX: [south, west, north, east].join(','), WIDTH: 1024, HEIGHT: 768 },
      },
    ];
    GENERALISED_BANDS.forEach((band, i) => {
      const crs = ['EPSG:3857', 'CRS:84', 'EPSG:4490'][i % 3]!;
      // within the band's pixel and twice it, also for the latitude side of a Web Mercator pixel
      const half = 128 * bandPixelDegrees(band) * (crs === 'EPSG:3857' ? 1.8 : 1.4);
      const [x0] = merc(lon - half, 0);
      const [x1] = merc(lon + half, 0);
      const yMid = merc(lon, lat)[1]!;
      const bbox =
        crs === 'EPSG:3857'
          ? [x0, yMid - (x1! - x0!) / 2, x1, yMid + (x1! - x0!) / 2]
          : crs === 'CRS:84'
            ? [lon - half, lat - half, lon + half, lat + half]
            : [lat - half, lon - half, lat + half, lon + half];
      list.push({
        name: `zoom ${band}, ${crs}, 256×256`,
        band,
        params: { CRS: crs, BBOX: bbox.join(','), WIDTH: 256, HEIGHT: 256 },
      });
    });
    // a Gauss-Krüger zone (northing first): the areas of the features under a pixel are scaled to its metres
    const half = 128 * bandPixelDegrees(8) * 1.4 * 111_320;
    const { easting, northing } = gaussKruger;
    list.push({
      name: 'zoom 8, EPSG:4538, 256×256',
      band: 8,
      params: {
        CRS: 'EPSG:4538',
        BBOX: [northing - half, easting - half, northing + half, easting + half].join(','),
        WIDTH: 256,
        HEIGHT: 256,
      },
    });
    return list;
  };

  const draw = async (params: Record<string, string | number>): Promise<Pixels> => {
    // a connection each: the comparisons hold this process (and the server in it) for seconds, past the
    // keep-alive of a connection that would be reused
    const res = await fetch(getMapUrl(server.url, { LAYERS: CODE, TRANSPARENT: 'TRUE', ...params }), {
      headers: { connection: 'close' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    return decodeImage(Buffer.from(await res.arrayBuffer()));
  };

  beforeAll(async () => {
    const client: PoolClient = await server.pool.connect();
    try {
      await client.query('BEGIN');
      const source = await client.query<{
        name: string;
        style: unknown;
        attribute_schema: AttributeDefinition[];
        geometry_type: string;
        version_id: string;
      }>(
        `SELECT name, style, attribute_schema, geometry_type, current_version_id AS version_id
         FROM layers WHERE code = 'land_use_plan'`,
      );
      const land = source.rows[0]!;
      const layerId = await upsertLayer(client, {
        code: CODE,
        name: '概括测试用地',
        kind: 'plan',
        geometryType: land.geometry_type,
        attributeSchema: land.attribute_schema,
        style: land.style,
        sortOrder: 0,
        public: true,
      });
      const version = await beginVersion(client, layerId, { sourceName: 'land_use_plan' });
      versionId = version.versionId;
      const copied = await client.query(
        `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom)
         SELECT $1, feature_key, properties, geom FROM layer_features WHERE layer_version_id = $2`,
        [versionId, land.version_id],
      );
      await publishVersion(client, layerId, versionId, copied.rowCount ?? 0);
      await client.query('COMMIT');
      const box = await client.query<{ west: number; south: number; east: number; north: number }>(
        `SELECT ST_XMin(extent) AS west, ST_YMin(extent) AS south, ST_XMax(extent) AS east, ST_YMax(extent) AS north
         FROM layer_versions WHERE id = $1`,
        [versionId],
      );
      extent = box.rows[0]!;
      const middle = await client.query<{ easting: number; northing: number }>(
        `SELECT ST_X(p) AS easting, ST_Y(p) AS northing
         FROM ST_Transform(ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4490), 4538) AS p`,
        [(extent.west + extent.east) / 2, (extent.south + extent.north) / 2],
      );
      gaussKruger = middle.rows[0]!;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });

  it('draws the same maps from the groups as from the features, within one pixel', async () => {
    const cases = frames();
    const full = await Promise.all(cases.map((c) => draw(c.params)));

    const lines: string[] = [];
    const [outcome] = await generaliseLayers(server.pool, {
      minFeatures: 1,
      layerCode: CODE,
      log: (line) => lines.push(line),
    });
    expect(outcome?.built).toBe(true);
    if (!outcome?.built) return;
    const built = outcome.summary.bands;
    expect(outcome.summary.propertyNames).toEqual(['land_use_code']);
    expect(outcome.summary.featureCount).toBe(5407);
    expect(lines.join('\n')).toContain(`generalising ${CODE} (5407 features)`);
    // every band kept holds every feature once, in fewer than half as many rows; the city's scales are kept
    const { rows: bands } = await server.pool.query<{ band: number; members: number; groups: number }>(
      `SELECT band, sum(member_count)::int AS members, count(*)::int AS groups
       FROM layer_generalised_groups WHERE layer_version_id = $1 GROUP BY band ORDER BY band`,
      [versionId],
    );
    expect(bands.map((b) => b.band)).toEqual(built);
    expect(built).toEqual(expect.arrayContaining([8, 9, 10, 11]));
    for (const band of bands) {
      expect(band.members).toBe(5407);
      expect(band.groups).toBeLessThan(5407 / 2);
    }
    // at the coarsest band the features under a pixel are splats, those of a class within a quarter of a
    // band pixel merged into one point (the sample city's parcels are sparse: some are)
    const { rows: splats } = await server.pool.query<{ points: number; members: number }>(
      `SELECT sum(ST_NumGeometries(geom))::int AS points, sum(member_count)::int AS members
       FROM layer_generalised_groups
       WHERE layer_version_id = $1 AND band = 8 AND GeometryType(geom) = 'MULTIPOINT'`,
      [versionId],
    );
    expect(splats[0]!.points).toBeGreaterThan(0);
    expect(splats[0]!.points).toBeLessThan(splats[0]!.members);

    // from now on, only the groups can draw this layer
    await server.pool.query('DELETE FROM layer_features WHERE layer_version_id = $1', [versionId]);
    const after = await Promise.all(cases.map((c) => draw(c.params)));
    cases.forEach(({ name, band }, i) => {
      const a = full[i]!;
      const b = after[i]!;
      expect({ name, opaque: a.opaqueCount() > 500 }).toEqual({ name, opaque: true });
      if (band !== null && !built.includes(band)) {
        // a band left out: read from the features, which are gone
        expect({ name, opaque: b.opaqueCount() }).toEqual({ name, opaque: 0 });
        return;
      }
      const report = `${name}: ${differing(a, b)} of ${a.width * a.height} pixels differ, by ${meanDifference(a, b).toFixed(3)} of 255 on average`;
      expect({ report, drawn: b.opaqueCount() > a.opaqueCount() * 0.99 }).toEqual({ report, drawn: true });
      expect({ report, close: meanDifference(a, b) < 0.5 }).toEqual({ report, close: true });
      expect({ report, beyond: beyondOnePixel(a, b, 32) }).toEqual({ report, beyond: 0 });
      expect({ report, beyond: beyondOnePixel(b, a, 32) }).toEqual({ report, beyond: 0 });
    });
  });

  it('reads the features for a map finer than the finest band, and for a style the groups cannot serve', async () => {
    const { west, south } = extent;
    // a street: 256 px over 500 m, finer than zoom 14
    const street = await draw({
      CRS: 'CRS:84',
      BBOX: [west + 0.02, south + 0.02, west + 0.026, south + 0.0245].join(','),
      WIDTH: 256,
      HEIGHT: 256,
    });
    expect(street.opaqueCount()).toBe(0);
    const whole = frames()[0]!.params;
    expect((await draw(whole)).opaqueCount()).toBeGreaterThan(0);
    // a style filtering on a property the groups do not carry: drawn from the (deleted) features
    await server.pool.query(
      `UPDATE layers SET style = jsonb_set(style, '{rules,0,filter,1}', '"land_use_name"') WHERE code = $1`,
      [CODE],
    );
    const restyled = await draw(whole);
    expect(restyled.opaqueCount()).toBe(0);
  });

  it('drops the generalisation with its version', async () => {
    const { rows } = await server.pool.query<{ table: string; action: string }>(
      `SELECT conrelid::regclass::text AS table, confdeltype AS action FROM pg_constraint
       WHERE contype = 'f' AND confrelid IN ('layer_versions'::regclass, 'layer_generalisations'::regclass)
         AND conrelid IN ('layer_generalisations'::regclass, 'layer_generalised_groups'::regclass)
       ORDER BY 1`,
    );
    expect(rows).toEqual([
      { table: 'layer_generalisations', action: 'c' },
      { table: 'layer_generalised_groups', action: 'c' },
    ]);
  });
});
