// The schema refuses what the domain forbids: invalid geometry, malformed project codes, changes to
// append-only history; and it derives time limits in working days.
import { Pool, type PoolClient } from 'pg';
import { testDatabaseUrl } from '../support/environment';
import { transactionPerTest } from '../support/transaction-per-test';

describe('schema constraints', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  let client: PoolClient;
  transactionPerTest(pool, (c) => (client = c));
  afterAll(() => pool.end());

  const attempt = async (text: string, values: unknown[] = []) => {
    await client.query('SAVEPOINT attempt');
    try {
      await client.query(text, values);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query('ROLLBACK TO SAVEPOINT attempt');
    }
  };

  it('refuses a self-intersecting polygon in a layer version', async () => {
    const bowtie = 'SRID=4490;POLYGON((87.6 43.8, 87.61 43.81, 87.61 43.8, 87.6 43.81, 87.6 43.8))';
    const message = await attempt(
      `INSERT INTO layer_features (layer_version_id, properties, geom)
       SELECT current_version_id, '{}', $1::geometry FROM layers WHERE code = 'land_use_plan'`,
      [bowtie],
    );
    expect(message).toMatch(/violates check constraint "layer_features_geom_check"/);
  });

  it('refuses geometry in another SRID than CGCS2000', async () => {
    const message = await attempt(
      `INSERT INTO layer_features (layer_version_id, properties, geom)
       SELECT current_version_id, '{}', 'SRID=4326;POINT(87.6 43.8)'::geometry FROM layers WHERE code = 'land_use_plan'`,
    );
    expect(message).toMatch(/SRID/);
  });

  it('refuses a malformed project code', async () => {
    const message = await attempt(
      `INSERT INTO projects (code, name, construction_unit, investment_type, project_type, district_code, stage)
       VALUES ('2024-65-1', '测试项目', '测试单位', 'government', '房屋建筑工程', '650102', 'land_use_planning')`,
    );
    expect(message).toMatch(/projects_code_check/);
  });

  it('keeps the audit log and site history append-only', async () => {
    await client.query("INSERT INTO audit_log (action, target_type) VALUES ('read', 'layer')");
    expect(await attempt("UPDATE audit_log SET action = 'delete'")).toMatch(/audit_log is append-only/);
    expect(await attempt('DELETE FROM audit_log')).toMatch(/audit_log is append-only/);
    expect(await attempt('DELETE FROM project_site_versions')).toMatch(
      /project_site_versions is append-only/,
    );
    expect(await attempt("UPDATE planning_opinions SET conditions = 'x'")).toMatch(
      /planning_opinions is append-only/,
    );
  });

  it('refuses a current version that belongs to another layer', async () => {
    const message = await attempt(
      `UPDATE layers SET current_version_id = (SELECT current_version_id FROM layers WHERE code = 'districts')
       WHERE code = 'land_use_plan';
       SET CONSTRAINTS ALL IMMEDIATE;`,
    );
    expect(message).toMatch(/layers_current_version_fk/);
  });

  it('counts time limits in working days, skipping weekends and public holidays', async () => {
    const due = async (start: string, days: number) =>
      (await client.query<{ d: string }>('SELECT add_working_days($1::date, $2)::text AS d', [start, days]))
        .rows[0]?.d;
    expect(await due('2024-03-01', 5)).toBe('2024-03-08'); // Friday + 5 working days
    expect(await due('2024-09-30', 1)).toBe('2024-10-08'); // National Day holidays
    expect(await due('2024-10-11', 1)).toBe('2024-10-12'); // a Saturday made a working day
  });
});
