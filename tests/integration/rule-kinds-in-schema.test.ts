// The rule kinds the engine knows and the kinds the database accepts are the same list.
import { Pool } from 'pg';
import { RULE_KINDS } from '../../compliance-rules';
import { testDatabaseUrl } from '../support/environment';

it('matches the check constraint on compliance_results.kind', async () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    const { rows } = await pool.query<{ definition: string }>(
      "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'compliance_results_kind_check'",
    );
    const inSchema = [...(rows[0]?.definition.matchAll(/'([a-z_]+)'::text/g) ?? [])].map((m) => m[1]).sort();
    expect(inSchema).toEqual(RULE_KINDS.map((k) => k.kind).sort());
  } finally {
    await pool.end();
  }
});
