// The admin area's sub-pages and the permission each needs. The area itself is open to holders of any of
// the administrative permissions; statistics read what projects.read allows, but belong to the area, so a
// planner (projects.read, nothing administrative) sees neither the 管理 link nor the area.
import type { MessageKey } from '../../i18n/messages';

export interface AdminSection {
  path: string;
  permission: string;
  label: MessageKey;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: 'users', permission: 'accounts.manage', label: 'admin.nav.users' },
  { path: 'api-keys', permission: 'accounts.manage', label: 'admin.nav.apiKeys' },
  { path: 'rule-sets', permission: 'rules.manage', label: 'admin.nav.ruleSets' },
  { path: 'audit', permission: 'audit.read', label: 'admin.nav.audit' },
  { path: 'statistics', permission: 'projects.read', label: 'admin.nav.statistics' },
  { path: 'service-levels', permission: 'metrics.read', label: 'admin.nav.serviceLevels' },
];

/** The permissions that open the admin area (and show the header's 管理 link). */
export const ADMIN_AREA_PERMISSIONS = ['accounts.manage', 'rules.manage', 'audit.read', 'metrics.read'];

export function canOpenAdmin(can: (permission: string) => boolean): boolean {
  return ADMIN_AREA_PERMISSIONS.some(can);
}
