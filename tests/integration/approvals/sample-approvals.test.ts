// The sample city's approval records: every status (in progress, approved, rejected, withdrawn), decisions
// and corrections as chains, every record on an item of the catalogue with its legal limit, every project's
// current records in stage order, and the warnings (overdue, decided late) they raise.
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

describe("the sample city's approval records", () => {
  const server = useTestServer();
  let viewer: SignedIn;
  beforeAll(async () => {
    viewer = await signIn(server.url, 'viewer');
  });
  // the sample's projects (registered 2023-2024), not those the other test files add today
  const SAMPLE = `p.created_at < '2025-06-01'`;

  it('exercises every status, and decisions and corrections that supersede a record', async () => {
    const { rows } = await server.pool.query<{ status: string; kind: string; n: string }>(
      `SELECT r.status, r.kind, count(*) AS n FROM approval_records r JOIN projects p ON p.id = r.project_id
       WHERE ${SAMPLE} GROUP BY 1, 2`,
    );
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(['in_progress', 'approved', 'rejected', 'withdrawn']));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['registration', 'decision', 'correction']));
    // each project has exactly one current item in progress: the one its stage has reached
    const open = await server.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM current_approval_records r JOIN projects p ON p.id = r.project_id
       WHERE ${SAMPLE} AND r.status = 'in_progress' GROUP BY p.id`,
    );
    expect(open.rows).toHaveLength(30);
    expect(open.rows.every((r) => r.n === '1')).toBe(true);
  });

  it('keeps every record on a catalogue item, with its department and legal time limit', async () => {
    const { rows } = await server.pool.query<{ id: string }>(
      `SELECT r.id FROM approval_records r JOIN departments d ON d.id = r.department_id
       LEFT JOIN approval_item_catalogue c
         ON c.stage = r.stage AND c.item = r.item AND c.department_code = d.code
         AND c.time_limit_working_days = r.time_limit_working_days
       JOIN projects p ON p.id = r.project_id
       WHERE ${SAMPLE} AND c.item IS NULL`,
    );
    expect(rows).toEqual([]);
  });

  it('serves the item catalogue: four stages, their items, departments and legal limits', async () => {
    const res = await requestJson(`${server.url}/api/v1/approvals/catalogue`, { headers: viewer.headers() });
    expect(res.status).toBe(200);
    const stages = res.body.stages as {
      stage: string;
      name: string;
      items: { timeLimitWorkingDays: number }[];
    }[];
    expect(stages.map((s) => [s.name, s.items.length])).toEqual([
      ['立项用地规划许可', 3],
      ['工程建设许可', 2],
      ['施工许可', 3],
      ['竣工验收', 3],
    ]);
    expect(stages[2]!.items).toContainEqual({
      item: '建筑工程施工许可证核发',
      departmentCode: 'housing_construction',
      timeLimitWorkingDays: 7,
    });
  });

  it('reads a corrected chain back: the wrong number superseded by the right one', async () => {
    const { rows } = await server.pool.query<{ id: string; code: string }>(
      `SELECT r.id, p.code FROM approval_records r JOIN projects p ON p.id = r.project_id
       WHERE ${SAMPLE} AND r.kind = 'correction' ORDER BY r.id LIMIT 1`,
    );
    const res = await requestJson(`${server.url}/api/v1/approvals/${rows[0]!.id}`, {
      headers: viewer.headers(),
    });
    expect(res.status).toBe(200);
    const [wrong, right] = res.body.chain as { documentNo: string; current: boolean; kind: string }[];
    expect(right).toMatchObject({ kind: 'correction', current: true });
    expect(wrong).toMatchObject({ kind: 'registration', current: false });
    expect(right!.documentNo).toBe(`${wrong!.documentNo}号`);
  });

  it("lists each of the 30 projects' current records in stage order, the rejected and withdrawn kept", async () => {
    const { rows } = await server.pool.query<{ code: string; stage: string }>(
      `SELECT p.code, p.stage FROM projects p WHERE ${SAMPLE} ORDER BY p.code`,
    );
    expect(rows).toHaveLength(30);
    const order = ['land_use_planning', 'construction_planning', 'construction', 'completion'];
    const seen = new Set<string>();
    for (const project of rows) {
      const res = await requestJson(`${server.url}/api/v1/projects/${project.code}/approvals`, {
        headers: viewer.headers(),
      });
      expect(res.status).toBe(200);
      const records = res.body.records as {
        stage: string;
        status: string;
        dueDate: string;
        current: boolean;
      }[];
      const stages = records.map((r) => order.indexOf(r.stage));
      expect(stages).toEqual([...stages].sort((a, b) => a - b));
      // the project has reached its stage: the last record is of it
      expect(records[records.length - 1]?.stage).toBe(project.stage);
      expect(records.every((r) => r.current && /^\d{4}-\d{2}-\d{2}$/.test(r.dueDate))).toBe(true);
      for (const r of records) seen.add(r.status);
    }
    expect(seen).toEqual(new Set(['in_progress', 'approved', 'rejected', 'withdrawn']));
  });

  it('warns of the items past their limit, as the deadlines view says, and of those decided late', async () => {
    const asOf = '2025-12-31';
    const res = await requestJson(
      `${server.url}/api/v1/approvals/warnings?asOf=${asOf}&level=overdue,decided_late`,
      { headers: viewer.headers() },
    );
    expect(res.status).toBe(200);
    const warnings = res.body.warnings as {
      id: number;
      project: { code: string };
      warning: { level: string };
    }[];
    const { rows: codes } = await server.pool.query<{ code: string }>(
      `SELECT code FROM projects p WHERE ${SAMPLE}`,
    );
    const sampleCodes = new Set(codes.map((c) => c.code));
    const sample = warnings.filter((w) => sampleCodes.has(w.project.code));
    // independently: current records whose decision (or, in progress, the as-of day) lies after the due date
    const { rows } = await server.pool.query<{ id: string; open: boolean }>(
      `SELECT r.id, r.decided_at IS NULL AS open FROM current_approval_records r
       JOIN projects p ON p.id = r.project_id
       JOIN approval_record_deadlines dl ON dl.id = r.id
       WHERE ${SAMPLE} AND coalesce((r.decided_at AT TIME ZONE 'Asia/Shanghai')::date, $1::date) > dl.due_date
         AND (r.decided_at IS NOT NULL OR (r.accepted_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date)`,
      [asOf],
    );
    expect(sample.map((w) => w.id).sort((a, b) => a - b)).toEqual(
      rows.map((r) => Number(r.id)).sort((a, b) => a - b),
    );
    expect(new Set(sample.map((w) => w.warning.level))).toEqual(new Set(['overdue', 'decided_late']));
    expect(sample.filter((w) => w.warning.level === 'overdue')).toHaveLength(
      rows.filter((r) => r.open).length,
    );
  });
});
