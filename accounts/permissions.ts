// The permissions a role can grant, as the `permissions` table holds them (migration 014). Which role has
// which is data (`role_permissions`); which route needs which is the route table of the HTTP edge.
export const PERMISSIONS = [
  'layers.read',
  'layers.manage',
  'projects.read',
  'projects.manage',
  'planning.lead',
  'planning.comment',
  'approvals.manage',
  'compliance.run',
  'rules.manage',
  'accounts.manage',
  'audit.read',
  'metrics.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** What an API key may do, whatever its issuer may: read, never write. */
export const API_KEY_PERMISSIONS: readonly Permission[] = ['layers.read', 'projects.read'];

/** The services an API key can be limited to; only a key naming `metrics` reads the metrics. */
export const KEY_SERVICES = ['wms', 'wfs', 'tiles', 'rest', 'metrics'] as const;
export type KeyService = (typeof KEY_SERVICES)[number];
