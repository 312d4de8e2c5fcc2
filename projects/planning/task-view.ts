// Planning tasks as the API and the opinion document show them: the project, the lead, every invited
// department with where it stands (submitted, late, overdue, waiting), the current opinions with their
// conditions, checks, assessments, files and drawing, the superseded revisions, and the reuse proposal.
import { Op, QueryTypes } from 'sequelize';
import type { PlanningOpinion, PlanningTask, Project } from '../models';
import type { RecordStore } from '../record-store';
import { findAssessment } from './catalogue';
import type { ConditionCheck } from './condition-checks';
import type { ConditionItem } from './opinion-input';
import { regionalAreas, reuseProposal, type ReuseProposal } from './regional-reuse';
import { beijingToday } from './task-access';

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export type DepartmentStanding = 'submitted' | 'late' | 'overdue' | 'waiting';

export interface OpinionView {
  id: number;
  department: DepartmentRef;
  author: { id: number; username: string; displayName: string } | null;
  text: string;
  conditions: (ConditionItem & { check: ConditionCheck | null })[];
  requiredAssessments: { code: string | null; name: string }[];
  reusedAssessments: ReuseProposal[];
  attachments: { name: string; mediaType: string; sizeBytes: number; sha256: string; url: string }[];
  geometry: Record<string, unknown> | null;
  siteVersionId: number | null;
  supersedesId: number | null;
  createdAt: string;
  /** submitted after the deadline (Beijing calendar day) */
  late: boolean;
}

export interface TaskView {
  id: number;
  title: string;
  status: PlanningTask['status'];
  deadline: string;
  /** the deadline has passed */
  deadlinePassed: boolean;
  project: { code: string; name: string; districtCode: string; stage: string };
  leadDepartment: DepartmentRef;
  createdBy: string | null;
  createdAt: string;
  conclusion: string | null;
  concludedAt: string | null;
  concludedBy: string | null;
  departments: (DepartmentRef & {
    invitedAt: string;
    opinionId: number | null;
    submittedAt: string | null;
    standing: DepartmentStanding;
  })[];
  /** invited departments without an opinion */
  missingDepartments: DepartmentRef[];
  /** missing departments whose deadline has passed */
  overdueDepartments: DepartmentRef[];
  opinions: OpinionView[];
  /** earlier opinions, each superseded by a later one of its department */
  supersededOpinions: { id: number; departmentCode: string; createdAt: string; supersededBy: number }[];
  /** assessments the site may reuse from regional assessments; null when not asked for */
  reuseProposal: ReuseProposal[] | null;
}

/** The Beijing calendar day of an instant. */
const beijingDay = (at: Date) => beijingToday(at);

interface Lookups {
  departments: Map<number, DepartmentRef>;
  users: Map<number, { id: number; username: string; displayName: string }>;
  geometries: Map<number, Record<string, unknown>>;
}

async function lookups(
  store: RecordStore,
  tasks: PlanningTask[],
  opinions: PlanningOpinion[],
): Promise<Lookups> {
  const { sequelize } = store;
  const userIds = [
    ...new Set(
      [...tasks.flatMap((t) => [t.createdBy, t.concludedBy]), ...opinions.map((o) => o.authorId)].filter(
        (id): id is number => id !== null,
      ),
    ),
  ];
  const [departments, users, geometries] = await Promise.all([
    sequelize.query<DepartmentRef>('SELECT id, code, name FROM departments', { type: QueryTypes.SELECT }),
    sequelize.query<{ id: number; username: string; display_name: string }>(
      'SELECT id, username, display_name FROM users WHERE id = ANY($1::int[])',
      { bind: [userIds], type: QueryTypes.SELECT },
    ),
    sequelize.query<{ opinion_id: string; geometry: Record<string, unknown> }>(
      'SELECT opinion_id::text, ST_AsGeoJSON(geom, 9)::json AS geometry FROM planning_opinion_geometries WHERE opinion_id = ANY($1::bigint[])',
      { bind: [opinions.map((o) => o.id)], type: QueryTypes.SELECT },
    ),
  ]);
  return {
    departments: new Map(departments.map((d) => [d.id, d])),
    users: new Map(users.map((u) => [u.id, { id: u.id, username: u.username, displayName: u.display_name }])),
    geometries: new Map(geometries.map((g) => [Number(g.opinion_id), g.geometry])),
  };
}

function departmentRef(l: Lookups, id: number): DepartmentRef {
  return l.departments.get(id) ?? { id, code: String(id), name: String(id) };
}

function opinionView(task: PlanningTask, o: PlanningOpinion, l: Lookups): OpinionView {
  const items = o.conditionItems as ConditionItem[];
  const checks = o.conditionChecks as ConditionCheck[];
  return {
    id: o.id,
    department: departmentRef(l, o.departmentId),
    author: o.authorId === null ? null : (l.users.get(o.authorId) ?? null),
    text: o.text,
    conditions: items.map((item, i) => ({ ...item, check: checks.find((c) => c.index === i) ?? null })),
    requiredAssessments: o.requiredAssessments.map((name) => ({
      code: findAssessment(name)?.code ?? null,
      name,
    })),
    reusedAssessments: o.reusedAssessments as ReuseProposal[],
    attachments: o.attachments.map((a) => ({
      ...a,
      url: `/api/v1/planning-tasks/${task.id}/attachments/${a.sha256}`,
    })),
    geometry: l.geometries.get(o.id) ?? null,
    siteVersionId: o.siteVersionId,
    supersedesId: o.supersedesId,
    createdAt: o.createdAt.toISOString(),
    late: beijingDay(o.createdAt) > task.deadline,
  };
}

function taskView(
  task: PlanningTask,
  project: Project,
  invitations: { departmentId: number; invitedAt: Date }[],
  opinions: PlanningOpinion[],
  l: Lookups,
  proposal: ReuseProposal[] | null,
): TaskView {
  const supersededIds = new Set(opinions.map((o) => o.supersedesId).filter((id) => id !== null));
  const current = opinions.filter((o) => !supersededIds.has(o.id));
  const deadlinePassed = beijingToday() > task.deadline;
  const departments = invitations.map((inv) => {
    const opinion = current.find((o) => o.departmentId === inv.departmentId);
    const standing: DepartmentStanding = opinion
      ? beijingDay(opinion.createdAt) > task.deadline
        ? 'late'
        : 'submitted'
      : deadlinePassed
        ? 'overdue'
        : 'waiting';
    return {
      ...departmentRef(l, inv.departmentId),
      invitedAt: inv.invitedAt.toISOString(),
      opinionId: opinion?.id ?? null,
      submittedAt: opinion?.createdAt.toISOString() ?? null,
      standing,
    };
  });
  const strip = ({ id, code, name }: DepartmentRef) => ({ id, code, name });
  const user = (id: number | null) => (id === null ? null : (l.users.get(id)?.username ?? null));
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    deadline: task.deadline,
    deadlinePassed,
    project: {
      code: project.code,
      name: project.name,
      districtCode: project.districtCode,
      stage: project.stage,
    },
    leadDepartment: departmentRef(l, task.leadDepartmentId),
    createdBy: user(task.createdBy),
    createdAt: task.createdAt.toISOString(),
    conclusion: task.conclusion,
    concludedAt: task.concludedAt?.toISOString() ?? null,
    concludedBy: user(task.concludedBy),
    departments,
    missingDepartments: departments.filter((d) => d.opinionId === null).map(strip),
    overdueDepartments: departments.filter((d) => d.standing === 'overdue').map(strip),
    opinions: current.map((o) => opinionView(task, o, l)).sort((a, b) => a.department.id - b.department.id),
    supersededOpinions: opinions
      .filter((o) => supersededIds.has(o.id))
      .map((o) => ({
        id: o.id,
        departmentCode: departmentRef(l, o.departmentId).code,
        createdAt: o.createdAt.toISOString(),
        supersededBy: opinions.find((n) => n.supersedesId === o.id)!.id,
      })),
    reuseProposal: proposal,
  };
}

/** The views of the tasks (in the order given), their projects given or read. */
export async function taskViews(
  store: RecordStore,
  tasks: PlanningTask[],
  options: { withProposal: boolean },
): Promise<TaskView[]> {
  if (tasks.length === 0) return [];
  const { models, sequelize } = store;
  const ids = tasks.map((t) => t.id);
  const [projects, invitations, opinions] = await Promise.all([
    models.Project.findAll({ where: { id: { [Op.in]: [...new Set(tasks.map((t) => t.projectId))] } } }),
    models.PlanningTaskDepartment.findAll({
      where: { taskId: { [Op.in]: ids } },
      order: [['departmentId', 'ASC']],
    }),
    models.PlanningOpinion.findAll({ where: { taskId: { [Op.in]: ids } }, order: [['id', 'ASC']] }),
  ]);
  const l = await lookups(store, tasks, opinions);
  const today = beijingToday();
  return Promise.all(
    tasks.map(async (task) => {
      const project = projects.find((p) => p.id === task.projectId)!;
      const proposal = options.withProposal
        ? reuseProposal(await regionalAreas(sequelize, project.currentSiteVersionId, today))
        : null;
      return taskView(
        task,
        project,
        invitations.filter((i) => i.taskId === task.id),
        opinions.filter((o) => o.taskId === task.id),
        l,
        proposal,
      );
    }),
  );
}
