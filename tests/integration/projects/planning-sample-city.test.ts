// The sample city's planning tasks read through the API: every task listed, concluded ones with their
// conclusion, open ones with the departments still missing (flagged overdue: their deadlines have passed),
// every sample assessment found in the catalogue, and a department's inbox holding exactly the open tasks
// that invite it and lack its opinion.
import { requestJson, signIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

jest.setTimeout(120_000);

describe('the sample city in planning generation', () => {
  const server = useTestServer();

  it('lists every sample task, with concluded and open ones read as stored', async () => {
    const viewer = await signIn(server.url, 'viewer');
    const res = await requestJson(`${server.url}/api/v1/planning-tasks?limit=500`, {
      headers: viewer.headers(),
    });
    expect(res.status).toBe(200);
    // the loader's tasks (led by 发改委); other suites add tasks of their own while this one runs
    const { rows } = await server.pool.query<{ id: number }>(
      `SELECT t.id FROM planning_tasks t JOIN departments d ON d.id = t.lead_department_id
       WHERE d.code = 'development_reform' ORDER BY t.id`,
    );
    const sample = res.body.tasks.filter(
      (t: { leadDepartment: { code: string } }) => t.leadDepartment.code === 'development_reform',
    );
    expect(sample.map((t: { id: number }) => t.id).sort((a: number, b: number) => a - b)).toEqual(
      rows.map((r) => r.id),
    );
    const concluded = sample.filter((t: { status: string }) => t.status === 'concluded');
    const open = sample.filter((t: { status: string }) => t.status === 'open');
    expect(concluded.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    for (const task of concluded) {
      expect(task.conclusion).toEqual(expect.any(String));
      expect(task.missingDepartments).toEqual([]);
    }
    // the open sample tasks' deadlines (2023-2024) have passed: who has not answered is flagged overdue
    for (const task of open) {
      expect(task.deadlinePassed).toBe(true);
      const silent = task.departments.filter((d: { opinionId: number | null }) => d.opinionId === null);
      expect(silent.every((d: { standing: string }) => d.standing === 'overdue')).toBe(true);
      expect(task.overdueDepartments.map((d: { code: string }) => d.code).sort()).toEqual(
        silent.map((d: { code: string }) => d.code).sort(),
      );
    }
    expect(open.some((t: { overdueDepartments: unknown[] }) => t.overdueDepartments.length > 0)).toBe(true);
    for (const task of sample)
      for (const opinion of task.opinions)
        for (const assessment of opinion.requiredAssessments) expect(assessment.code).not.toBeNull();
  });

  it('gives the ecology department the open tasks inviting it that lack its opinion', async () => {
    const ecology = await signIn(server.url, 'dept_reviewer');
    const res = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: ecology.headers(),
    });
    expect(res.status).toBe(200);
    const { rows } = await server.pool.query<{ id: number }>(
      `SELECT t.id FROM planning_tasks t
       JOIN planning_task_departments d ON d.task_id = t.id JOIN departments dep ON dep.id = d.department_id
       JOIN departments lead ON lead.id = t.lead_department_id
       WHERE t.status = 'open' AND dep.code = 'ecology_environment' AND lead.code = 'development_reform'
         AND NOT EXISTS (SELECT 1 FROM planning_opinions o WHERE o.task_id = t.id AND o.department_id = dep.id)
       ORDER BY t.id`,
    );
    // the loader's tasks; other suites add tasks of their own while this one runs
    const sample = res.body.tasks.filter(
      (t: { leadDepartment: { code: string } }) => t.leadDepartment.code === 'development_reform',
    );
    expect(sample.map((t: { id: number }) => t.id).sort((a: number, b: number) => a - b)).toEqual(
      rows.map((r) => r.id),
    );
    for (const task of res.body.tasks)
      expect(
        task.departments.find((d: { code: string }) => d.code === 'ecology_environment').opinionId,
      ).toBeNull();
  });
});
