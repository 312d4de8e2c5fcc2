// The view GeoServer reads, published.<code>, on the loaded sample city: the current version's features
// with typed columns, following the pointer on import and rollback, refusing names that could inject SQL.
// Everything runs in transactions that are rolled back, so the shared test database is left as it was.
import { Pool, type PoolClient } from 'pg';
import {
  beginVersion,
  findLayerRecord,
  movePointer,
  publishVersion,
  type LayerRecord,
} from '../../../layers';
import {
  dropCurrentVersionView,
  ensureCurrentVersionView,
  PublishingError,
} from '../../../layers/publishing';
import { testDatabaseUrl } from '../../support/environment';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 3 });
afterAll(() => pool.end());

async function inRolledBackTransaction(run: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await run(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

async function layer(client: PoolClient, code: string): Promise<LayerRecord> {
  const record = await findLayerRecord(client, code);
  if (!record) throw new Error(`the sample city has no layer ${code}`);
  return record;
}

const count = async (client: PoolClient, text: string, values: unknown[] = []) =>
  Number((await client.query<{ n: string }>(text, values)).rows[0]?.n);

async function columns(client: PoolClient, view: string): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attnum`,
    [view],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

describe('the current-version view', () => {
  it('shows the current version of land_use_plan with one typed column per attribute', async () => {
    await inRolledBackTransaction(async (client) => {
      const landUse = await layer(client, 'land_use_plan');
      await ensureCurrentVersionView(client, 'land_use_plan', landUse.attributeSchema);

      expect(await columns(client, 'published.land_use_plan')).toEqual({
        fid: 'bigint',
        feature_key: 'text',
        parcel_code: 'text',
        land_use_code: 'text',
        land_use_name: 'text',
        gb50137_code: 'text',
        plot_ratio: 'double precision',
        building_density_pct: 'double precision',
        green_ratio_pct: 'double precision',
        height_limit_m: 'double precision',
        planning_unit: 'text',
        district_code: 'text',
        district_name: 'text',
        area_m2: 'double precision',
        geom: 'geometry(MultiPolygon,4490)',
      });
      const { rows: registered } = await client.query(
        "SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'published' AND f_table_name = 'land_use_plan'",
      );
      expect(registered).toEqual([{ type: 'MULTIPOLYGON', srid: 4490 }]);

      const current = await count(
        client,
        'SELECT count(*) AS n FROM layer_features WHERE layer_version_id = $1',
        [landUse.currentVersionId],
      );
      expect(current).toBeGreaterThan(1000);
      expect(await count(client, 'SELECT count(*) AS n FROM published.land_use_plan')).toBe(current);

      // every value as the feature's properties hold it, typed
      const { rows } = await client.query<{ same: boolean; plot_ratio: unknown; parcel_code: unknown }>(
        `SELECT v.plot_ratio, v.parcel_code,
                v.plot_ratio = (f.properties->>'plot_ratio')::float8
                AND v.land_use_code = f.properties->>'land_use_code'
                AND v.feature_key IS NOT DISTINCT FROM f.feature_key
                AND ST_Equals(v.geom, f.geom) AS same
         FROM published.land_use_plan v JOIN layer_features f ON f.id = v.fid
         ORDER BY v.fid LIMIT 50`,
      );
      expect(rows).toHaveLength(50);
      expect(rows.every((r) => r.same)).toBe(true);
      expect(typeof rows[0]?.plot_ratio).toBe('number');
      expect(typeof rows[0]?.parcel_code).toBe('string');
    });
  });

  it('follows the current-version pointer: a new empty version empties it, a rollback restores it', async () => {
    await inRolledBackTransaction(async (client) => {
      const landUse = await layer(client, 'land_use_plan');
      await ensureCurrentVersionView(client, 'land_use_plan', landUse.attributeSchema);
      const before = await count(client, 'SELECT count(*) AS n FROM published.land_use_plan');
      expect(before).toBeGreaterThan(0);

      const { versionId } = await beginVersion(client, landUse.id, { note: 'empty version (test)' });
      await publishVersion(client, landUse.id, versionId, 0);
      expect(await count(client, 'SELECT count(*) AS n FROM published.land_use_plan')).toBe(0);

      await movePointer(client, landUse.id, String(landUse.currentVersionId), 'rollback', null);
      expect(await count(client, 'SELECT count(*) AS n FROM published.land_use_plan')).toBe(before);
    });
  });

  it('reads a value that does not fit its column as NULL instead of failing the view', async () => {
    await inRolledBackTransaction(async (client) => {
      const assessments = await layer(client, 'regional_assessments');
      await ensureCurrentVersionView(client, 'regional_assessments', assessments.attributeSchema);
      const { versionId } = await beginVersion(client, assessments.id, { note: 'awkward values (test)' });
      await client.query(
        `INSERT INTO layer_features (layer_version_id, feature_key, properties, geom) VALUES
           ($1, 'good', '{"code":"A1","area_m2":1200.5,"completed_on":"2023-05-01","valid_until":"2028-02-29T00:00:00Z"}',
            ST_Multi(ST_MakeEnvelope(87.6, 43.8, 87.61, 43.81, 4490))),
           ($1, 'bad', '{"code":7,"area_m2":"很大","completed_on":"2023-02-30","valid_until":"next year"}',
            ST_Multi(ST_MakeEnvelope(87.62, 43.8, 87.63, 43.81, 4490)))`,
        [versionId],
      );
      await publishVersion(client, assessments.id, versionId, 2);
      const { rows } = await client.query(
        `SELECT feature_key, code, area_m2, to_char(completed_on, 'YYYY-MM-DD') AS completed_on,
                to_char(valid_until, 'YYYY-MM-DD') AS valid_until
         FROM published.regional_assessments ORDER BY feature_key DESC`,
      );
      expect(rows).toEqual([
        {
          feature_key: 'good',
          code: 'A1',
          area_m2: 1200.5,
          completed_on: '2023-05-01',
          valid_until: '2028-02-29',
        },
        { feature_key: 'bad', code: '7', area_m2: null, completed_on: null, valid_until: null },
      ]);
    });
  });

  it('drops and recreates the view when attributes are removed or retyped', async () => {
    await inRolledBackTransaction(async (client) => {
      const landUse = await layer(client, 'land_use_plan');
      await ensureCurrentVersionView(client, 'land_use_plan', landUse.attributeSchema);
      const subset = landUse.attributeSchema.filter((a) => ['parcel_code', 'plot_ratio'].includes(a.name));
      await ensureCurrentVersionView(client, 'land_use_plan', subset);
      expect(Object.keys(await columns(client, 'published.land_use_plan'))).toEqual([
        'fid',
        'feature_key',
        'parcel_code',
        'plot_ratio',
        'geom',
      ]);

      const retyped = landUse.attributeSchema.map((a) =>
        a.name === 'plot_ratio' ? { ...a, type: 'string' as const } : a,
      );
      await client.query("UPDATE layers SET attribute_schema = $1 WHERE code = 'land_use_plan'", [
        JSON.stringify(retyped),
      ]);
      await ensureCurrentVersionView(client, 'land_use_plan', retyped);
      expect((await columns(client, 'published.land_use_plan')).plot_ratio).toBe('text');
    });
  });

  it('refuses attribute names and codes that are not plain names, before any SQL runs', async () => {
    await inRolledBackTransaction(async (client) => {
      const landUse = await layer(client, 'land_use_plan');
      const injected = [{ name: 'x"; DROP TABLE layers; --', label: 'x', type: 'string' as const }];
      const failure = await ensureCurrentVersionView(client, 'land_use_plan', injected).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(PublishingError);
      expect(failure).toMatchObject({ code: 'invalid_attribute_name' });

      await expect(
        ensureCurrentVersionView(client, "land_use_plan'; DROP TABLE layers; --", landUse.attributeSchema),
      ).rejects.toMatchObject({ code: 'invalid_layer_code' });
      await expect(dropCurrentVersionView(client, 'x"; DROP SCHEMA published; --')).rejects.toMatchObject({
        code: 'invalid_layer_code',
      });
      await expect(
        ensureCurrentVersionView(client, 'land_use_plan', [{ name: 'fid', label: 'clash', type: 'string' }]),
      ).rejects.toMatchObject({ code: 'invalid_attribute_name' });
      expect(await count(client, 'SELECT count(*) AS n FROM layers')).toBeGreaterThan(0);
    });
  });

  it('exposes only attributes of the catalog schema, with their catalog type', async () => {
    await inRolledBackTransaction(async (client) => {
      await client.query('SAVEPOINT s');
      await expect(
        ensureCurrentVersionView(client, 'land_use_plan', [
          { name: 'password_hash', label: 'x', type: 'string' },
        ]),
      ).rejects.toThrow(
        /attribute "password_hash" of type string is not in the catalog's schema of layer "land_use_plan"/,
      );
      await client.query('ROLLBACK TO SAVEPOINT s');
      await expect(
        ensureCurrentVersionView(client, 'land_use_plan', [
          { name: 'plot_ratio', label: '容积率', type: 'string' },
        ]),
      ).rejects.toMatchObject({ code: 'invalid_view_definition' });
    });
  });

  it('refuses unknown, deleted and raster layers', async () => {
    await inRolledBackTransaction(async (client) => {
      await client.query('SAVEPOINT s');
      await expect(ensureCurrentVersionView(client, 'no_such_layer', [])).rejects.toMatchObject({
        code: 'layer_not_found',
      });
      await client.query('ROLLBACK TO SAVEPOINT s');
      await expect(ensureCurrentVersionView(client, 'imagery_2024', [])).rejects.toThrow(
        /layer "imagery_2024" has no vector geometry \(Raster\)/,
      );
      await client.query('ROLLBACK TO SAVEPOINT s');
      await client.query("UPDATE layers SET deleted_at = now() WHERE code = 'blue_line'");
      await expect(ensureCurrentVersionView(client, 'blue_line', [])).rejects.toMatchObject({
        code: 'layer_not_found',
      });
    });
  });

  it('shows nothing of a layer deleted after its view was made, and drops the view', async () => {
    await inRolledBackTransaction(async (client) => {
      const blueLine = await layer(client, 'blue_line');
      await ensureCurrentVersionView(client, 'blue_line', blueLine.attributeSchema);
      expect(await count(client, 'SELECT count(*) AS n FROM published.blue_line')).toBeGreaterThan(0);
      await client.query("UPDATE layers SET deleted_at = now() WHERE code = 'blue_line'");
      expect(await count(client, 'SELECT count(*) AS n FROM published.blue_line')).toBe(0);

      expect(await dropCurrentVersionView(client, 'blue_line')).toBe(true);
      expect(await dropCurrentVersionView(client, 'blue_line')).toBe(false);
      const { rows } = await client.query("SELECT to_regclass('published.blue_line') AS view");
      expect(rows).toEqual([{ view: null }]);
    });
  });

  it('answers a bounding-box query from a spatial index despite the typed geometry column', async () => {
    await inRolledBackTransaction(async (client) => {
      const landUse = await layer(client, 'land_use_plan');
      await ensureCurrentVersionView(client, 'land_use_plan', landUse.attributeSchema);
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT fid FROM published.land_use_plan
         WHERE geom && ST_MakeEnvelope(87.55, 43.78, 87.56, 43.79, 4490)`,
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/layer_features_published_multipolygon_idx/);
    });
  });
});
