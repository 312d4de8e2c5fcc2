// Planning generation (项目策划生成) over HTTP: a project's tasks, the department's inbox, one task, the
// catalogue opinions draw from, and submitting an opinion (multipart, with the upload's progress).
import type { Geometry } from 'geojson';
import { callJson, errorFromResponse, ApiError } from './client';
import { csrfHeaders, reportUnauthenticated } from './credentials';

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export type DepartmentStanding = 'submitted' | 'late' | 'overdue' | 'waiting';

export interface ConditionCheck {
  status: 'met' | 'not_met' | 'not_checkable' | 'no_site';
  distanceM: number | null;
  /** ratio, density and height: the strictest value of the land-use plan parcels under the site */
  planValue?: number | null;
  note: string;
}

export interface OpinionCondition {
  kind: string;
  name: string;
  value: number | null;
  unit: string | null;
  comparison: '≥' | '≤' | null;
  layer: string | null;
  legalBasis: string | null;
  text: string | null;
  check: ConditionCheck | null;
}

export interface Opinion {
  id: number;
  department: DepartmentRef;
  author: { username: string; displayName: string } | null;
  text: string;
  conditions: OpinionCondition[];
  requiredAssessments: { code: string | null; name: string }[];
  attachments: { name: string; mediaType: string; sizeBytes: number; sha256: string; url: string }[];
  geometry: Geometry | null;
  supersedesId: number | null;
  createdAt: string;
  late: boolean;
}

export interface PlanningTask {
  id: number;
  title: string;
  status: 'open' | 'concluded';
  deadline: string;
  deadlinePassed: boolean;
  project: { code: string; name: string; districtCode: string; stage: string };
  leadDepartment: DepartmentRef;
  createdAt: string;
  conclusion: string | null;
  concludedAt: string | null;
  concludedBy: string | null;
  departments: (DepartmentRef & {
    opinionId: number | null;
    submittedAt: string | null;
    standing: DepartmentStanding;
  })[];
  opinions: Opinion[];
  supersededOpinions: { id: number; departmentCode: string; createdAt: string; supersededBy: number }[];
}

export interface ConditionKind {
  code: string;
  name: string;
  unit: string | null;
  needsLayer?: boolean;
  comparison: '≥' | '≤' | null;
  range: [number, number] | null;
}

export interface PlanningCatalogue {
  assessments: { code: string; name: string }[];
  conditionKinds: ConditionKind[];
  /** the largest attachment the server takes, in bytes */
  attachmentMaxBytes: number;
}

export interface OpinionConditionInput {
  kind: string;
  value?: number;
  layer?: string;
  text?: string;
}

export interface OpinionInput {
  text: string;
  conditions: OpinionConditionInput[];
  requiredAssessments: string[];
  geometry: Geometry | null;
}

export async function fetchProjectTasks(code: string, signal?: AbortSignal): Promise<PlanningTask[]> {
  return (
    await callJson<{ tasks: PlanningTask[] }>(`/api/v1/projects/${encodeURIComponent(code)}/planning-tasks`, {
      signal,
    })
  ).tasks;
}

/** The open tasks waiting for the signed-in user's department, nearest deadline first. */
export function fetchInbox(
  limit: number,
  signal?: AbortSignal,
): Promise<{ total: number; tasks: PlanningTask[] }> {
  return callJson(`/api/v1/planning-tasks?waitingFor=me&limit=${limit}`, { signal });
}

export function fetchTask(id: number, signal?: AbortSignal): Promise<PlanningTask> {
  return callJson<PlanningTask>(`/api/v1/planning-tasks/${id}`, { signal });
}

export function fetchPlanningCatalogue(signal?: AbortSignal): Promise<PlanningCatalogue> {
  return callJson<PlanningCatalogue>('/api/v1/planning-catalogue', { signal });
}

export function opinionDocumentPath(taskId: number, format: 'pdf' | 'docx'): string {
  return `/api/v1/planning-tasks/${taskId}/opinion-document.${format}`;
}

/**
 * Posts the opinion as multipart (its JSON in `opinion`, each file as `attachments`) through
 * XMLHttpRequest, the one browser API that reports an upload's progress.
 */
export function submitOpinion(
  taskId: number,
  opinion: OpinionInput,
  files: File[],
  onProgress: (sent: number, total: number) => void,
): Promise<{ opinion: Opinion; task: PlanningTask }> {
  const path = `/api/v1/planning-tasks/${taskId}/opinions`;
  const form = new FormData();
  form.set('opinion', JSON.stringify(opinion));
  for (const file of files) form.append('attachments', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new ApiError('network error', path, null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // no JSON: the status says what happened
      }
      if (xhr.status === 201) {
        resolve(body as { opinion: Opinion; task: PlanningTask });
        return;
      }
      if (xhr.status === 401) reportUnauthenticated(path);
      reject(errorFromResponse(path, xhr.status, xhr.statusText, body, xhr.getResponseHeader('Retry-After')));
    };
    xhr.send(form);
  });
}
