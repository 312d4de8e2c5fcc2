// Who may call which route: one table for the whole API. Every route the app registers must have its rule
// here (the app refuses to start otherwise, and a test walks the registered routes); handlers never check
// roles themselves.
import type { AuditAction, KeyService, Permission } from '../../accounts';
import { CLIENT_PAGES } from '../client-files';

export interface RouteRule {
  /** anyone (public data, filtered inside where it must be), a signed-in user, or one holding a permission */
  allow: 'anyone' | 'signed_in' | Permission;
  /** the service an API key must be allowed for; OGC routes decide by the request's SERVICE */
  service?: KeyService | 'ogc';
  /** the route parameter naming a layer that the caller must be able to read (GET) or change (others) */
  layerParam?: string;
  /** what a successful change is recorded as in the audit log (default from the method) */
  audit?: AuditAction;
  /** what the route acts on, for the audit log */
  target?: string;
  /** a download (a report or an export file): each successful call is recorded as an export */
  export?: true;
  /**
   * The fields of a change's answer its audit entry keeps, where the object is stored sealed in its own table
   * (a compliance run and its verification code): the entry names it rather than copying it. All when absent.
   */
  auditFields?: readonly string[];
}

const read = (target: string, layerParam?: string): RouteRule => ({
  allow: 'anyone',
  target,
  ...(layerParam ? { layerParam } : {}),
});
const manageLayer: RouteRule = { allow: 'layers.manage', layerParam: 'code', target: 'layer' };
const accounts = (target: string, audit?: AuditAction): RouteRule => ({
  allow: 'accounts.manage',
  target,
  ...(audit ? { audit } : {}),
});

const planningDownload: RouteRule = { allow: 'projects.read', target: 'planning_task', export: true };
const complianceDownload: RouteRule = { allow: 'compliance.run', target: 'compliance_check', export: true };

export const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/v1/health': read('health'),
  'GET /api/v1/crs': read('crs'),
  'GET /api/v1/code-lists': read('code_list'),

  'POST /api/v1/session': { allow: 'anyone', target: 'session', audit: 'login' },
  'GET /api/v1/session': { allow: 'signed_in', target: 'session' },
  'DELETE /api/v1/session': { allow: 'signed_in', target: 'session', audit: 'logout' },
  'PUT /api/v1/session/password': { allow: 'signed_in', target: 'user', audit: 'update' },

  'GET /api/v1/users': accounts('user'),
  'POST /api/v1/users': accounts('user'),
  'GET /api/v1/users/:id': accounts('user'),
  'PATCH /api/v1/users/:id': accounts('user'),
  'PUT /api/v1/users/:id/password': accounts('user', 'update'),
  'GET /api/v1/sessions': accounts('session'),
  'DELETE /api/v1/sessions/:id': accounts('session', 'delete'),
  'GET /api/v1/departments': { allow: 'signed_in', target: 'department' },
  'POST /api/v1/departments': accounts('department'),
  'PATCH /api/v1/departments/:id': accounts('department'),
  'GET /api/v1/roles': { allow: 'signed_in', target: 'role' },
  'GET /api/v1/api-keys': accounts('api_key'),
  'POST /api/v1/api-keys': accounts('api_key'),
  'DELETE /api/v1/api-keys/:id': accounts('api_key', 'delete'),
  'GET /api/v1/audit': { allow: 'audit.read', target: 'audit_log' },
  'GET /api/v1/audit/verify': { allow: 'audit.read', target: 'audit_log' },
  'GET /api/v1/metrics': { allow: 'metrics.read', service: 'metrics', target: 'metrics' },
  'GET /api/v1/service-levels': { allow: 'metrics.read', service: 'metrics', target: 'metrics' },

  'GET /api/v1/layers': read('layer'),
  'POST /api/v1/layers': { allow: 'layers.manage', target: 'layer' },
  'GET /api/v1/layers/:code': read('layer', 'code'),
  'PATCH /api/v1/layers/:code': manageLayer,
  'DELETE /api/v1/layers/:code': manageLayer,
  'GET /api/v1/layers/:code/features': read('layer', 'code'),
  'GET /api/v1/layers/:code/versions': read('layer', 'code'),
  'GET /api/v1/layers/:code/versions/:version/report': read('layer', 'code'),
  'POST /api/v1/layers/:code/rollback': manageLayer,
  'GET /api/v1/layers/:code/diff': read('layer', 'code'),
  'POST /api/v1/layers/:code/imports': { ...manageLayer, audit: 'create', target: 'import' },
  'GET /api/v1/imports/:id': { allow: 'layers.manage', target: 'import' },

  // reading a rule set is part of checking against it (the client's preview evaluates it); editing is not
  'GET /api/v1/compliance/rule-sets': { allow: 'compliance.run', target: 'rule_set' },
  'GET /api/v1/compliance/rule-sets/:code': { allow: 'compliance.run', target: 'rule_set' },
  'PUT /api/v1/compliance/rule-sets/:code': { allow: 'rules.manage', target: 'rule_set', audit: 'update' },
  'POST /api/v1/compliance/checks': {
    allow: 'compliance.run',
    target: 'compliance_check',
    auditFields: ['id', 'verdict', 'projectCode', 'siteAreaM2', 'verificationCode'],
  },
  'GET /api/v1/compliance/checks': { allow: 'compliance.run', target: 'compliance_check' },
  'GET /api/v1/compliance/checks/:id': { allow: 'compliance.run', target: 'compliance_check' },
  'GET /api/v1/compliance/checks/:id/diff/:otherId': { allow: 'compliance.run', target: 'compliance_check' },
  'GET /api/v1/compliance/checks/:id/report.pdf': complianceDownload,
  'GET /api/v1/compliance/checks/:id/report.docx': complianceDownload,
  'GET /api/v1/compliance/checks/:id/export': complianceDownload,
  // public: whoever holds a report may confirm its verification code
  'GET /api/v1/compliance/verify/:code': { allow: 'anyone', target: 'compliance_check' },
  // a search: nothing is created, so the audit log records it as a read
  'POST /api/v1/compliance/candidates': {
    allow: 'compliance.run',
    target: 'compliance_candidates',
    audit: 'read',
  },

  // approval records (审批记录), the working-day calendar, statistics (5.14)
  'GET /api/v1/projects/:code/approvals': { allow: 'projects.read', target: 'approval' },
  'POST /api/v1/projects/:code/approvals': { allow: 'approvals.manage', target: 'approval' },
  'GET /api/v1/approvals/warnings': { allow: 'projects.read', target: 'approval' },
  'GET /api/v1/approvals/catalogue': { allow: 'projects.read', target: 'approval' },
  'GET /api/v1/approvals/:id': { allow: 'projects.read', target: 'approval' },
  'POST /api/v1/approvals/:id/decision': { allow: 'approvals.manage', target: 'approval', audit: 'create' },
  'POST /api/v1/approvals/:id/correction': { allow: 'approvals.manage', target: 'approval', audit: 'create' },
  'GET /api/v1/calendar/:year': { allow: 'signed_in', target: 'calendar' },
  'PUT /api/v1/calendar/:year': { allow: 'accounts.manage', target: 'calendar', audit: 'update' },
  'GET /api/v1/statistics/projects': { allow: 'projects.read', target: 'statistics' },
  'GET /api/v1/statistics/approvals': { allow: 'projects.read', target: 'statistics' },
  // the admin screens: a rule set's versions (reading, as reading the rule set itself)
  'GET /api/v1/compliance/rule-sets/:code/versions': { allow: 'compliance.run', target: 'rule_set' },
  // planning generation: reading needs projects.read (district scope inside), opening and concluding
  // planning.lead, opinions planning.comment; the opinion document and attachments are downloads
  'GET /api/v1/planning-catalogue': { allow: 'signed_in', target: 'planning_catalogue' },
  'GET /api/v1/projects/:code/planning-tasks': { allow: 'projects.read', target: 'planning_task' },
  'POST /api/v1/projects/:code/planning-tasks': { allow: 'planning.lead', target: 'planning_task' },
  'GET /api/v1/planning-tasks': { allow: 'projects.read', target: 'planning_task' },
  'GET /api/v1/planning-tasks/:id': { allow: 'projects.read', target: 'planning_task' },
  'POST /api/v1/planning-tasks/:id/opinions': {
    allow: 'planning.comment',
    target: 'planning_opinion',
    audit: 'create',
  },
  'POST /api/v1/planning-tasks/:id/conclusion': {
    allow: 'planning.lead',
    target: 'planning_task',
    audit: 'update',
  },
  'GET /api/v1/planning-tasks/:id/attachments/:sha256': planningDownload,
  'GET /api/v1/planning-tasks/:id/opinion-document.pdf': planningDownload,
  'GET /api/v1/planning-tasks/:id/opinion-document.docx': planningDownload,

  // projects: within the caller's district scope, checked by the projects domain on every door
  'GET /api/v1/projects': { allow: 'projects.read', target: 'project' },
  'POST /api/v1/projects': { allow: 'projects.manage', target: 'project' },
  'GET /api/v1/projects/:code': { allow: 'projects.read', target: 'project' },
  'PATCH /api/v1/projects/:code': { allow: 'projects.manage', target: 'project' },
  'PUT /api/v1/projects/:code/site': { allow: 'projects.manage', target: 'project_site' },
  'GET /api/v1/projects/:code/site': { allow: 'projects.read', target: 'project_site' },
  'GET /api/v1/projects/:code/site/versions': { allow: 'projects.read', target: 'project_site' },
  'GET /api/v1/projects/:code/site/versions/:a/diff/:b': { allow: 'projects.read', target: 'project_site' },
  'POST /api/v1/compliance/conflicts/recompute': { allow: 'rules.manage', target: 'planning_conflicts' },
  'GET /api/v1/compliance/conflicts/recomputes/:id': { allow: 'rules.manage', target: 'planning_conflicts' },
  'GET /api/v1/compliance/conflicts/summary': { allow: 'compliance.run', target: 'planning_conflicts' },
  // the compliance page: a site file read for editing (nothing is stored, so the audit log records a read)
  'POST /api/v1/compliance/site-files': {
    allow: 'compliance.run',
    target: 'compliance_site_file',
    audit: 'read',
  },

  // the workbench's tools: the place search reads only the layers the caller may read; a print (a PDF made
  // from the browser's map image, nothing stored) is for signed-in users, anonymous visitors export PNG
  'GET /api/v1/locate': { allow: 'anyone', target: 'place_name' },
  'POST /api/v1/prints': { allow: 'signed_in', target: 'map_print', audit: 'export' },

  // the one-blueprint standard page: its data for anyone (layers and project filtered inside by who asks,
  // a key, or a signed link); signed links issued by users who may read projects
  'GET /api/v1/blueprint': { allow: 'anyone', target: 'blueprint' },
  'POST /api/v1/blueprint-links': { allow: 'projects.read', target: 'blueprint_link', audit: 'create' },

  'GET /tiles/:layer.json': { ...read('layer', 'layer'), service: 'tiles' },
  'GET /tiles/:layer/:z/:x/:y.mvt': { ...read('layer', 'layer'), service: 'tiles' },
  'GET /tiles/:layer/:z/:x/:y.png': { ...read('layer', 'layer'), service: 'tiles' },

  'GET /ows': { allow: 'anyone', service: 'ogc', target: 'layer' },
  'GET /wms': { allow: 'anyone', service: 'ogc', target: 'layer' },
  'GET /wfs': { allow: 'anyone', service: 'ogc', target: 'layer' },
  'POST /ows': { allow: 'anyone', service: 'ogc', target: 'layer' },
  'POST /wfs': { allow: 'anyone', service: 'ogc', target: 'layer' },

  // the map client's pages (index.html for every client route): they hold no data
  [`GET ${String(CLIENT_PAGES)}`]: { allow: 'anyone', target: 'client' },
};

export function ruleFor(method: string, path: string): RouteRule {
  const rule = ROUTE_RULES[`${method.toUpperCase()} ${path}`];
  if (!rule) throw new Error(`no access rule for ${method.toUpperCase()} ${path}: add it to ROUTE_RULES`);
  return rule;
}
