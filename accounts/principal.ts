// Who is asking: nobody, a signed-in user, or a city system with an API key; and what each may read.
import type { KeyService, Permission } from './permissions';
import type { SignedLink } from './signed-links';

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  department: { id: number; code: string; name: string } | null;
  roles: string[];
  /** district codes the user is limited to; empty: the whole city */
  districts: string[];
  lastLoginAt: string | null;
}

interface PrincipalBase {
  permissions: ReadonlySet<Permission>;
  /** the districts whose data may be seen and changed; null: the whole city */
  districts: readonly string[] | null;
}

export interface AnonymousPrincipal extends PrincipalBase {
  kind: 'anonymous';
}

export interface UserPrincipal extends PrincipalBase {
  kind: 'user';
  user: UserSummary;
  sessionId: string;
  csrfToken: string;
}

export interface ApiKeyPrincipal extends PrincipalBase {
  kind: 'api_key';
  key: { id: number; name: string; layers: string[] | null; services: KeyService[] | null };
}

/** Whoever opened a signed link to the standard page: its layers and project, nothing else, read-only. */
export interface SignedLinkPrincipal extends PrincipalBase {
  kind: 'signed_link';
  link: SignedLink;
}

export type Principal = AnonymousPrincipal | UserPrincipal | ApiKeyPrincipal | SignedLinkPrincipal;

export const ANONYMOUS: AnonymousPrincipal = { kind: 'anonymous', permissions: new Set(), districts: null };

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** A layer as access sees it. */
export interface LayerAccessFacts {
  code: string;
  public: boolean;
  districtCode: string | null;
}

/** Whether the principal's district scope covers a thing of this district (null: city-wide things). */
export function inDistrictScope(principal: Principal, districtCode: string | null): boolean {
  if (principal.districts === null || principal.districts.length === 0) return true;
  return districtCode !== null && principal.districts.includes(districtCode);
}

export function canReadLayer(principal: Principal, layer: LayerAccessFacts): boolean {
  if (principal.kind === 'signed_link') return layer.public || principal.link.layers.includes(layer.code);
  if (principal.kind === 'api_key' && principal.key.layers && !principal.key.layers.includes(layer.code)) {
    return layer.public;
  }
  if (layer.public) return true;
  if (!can(principal, 'layers.read')) return false;
  return layer.districtCode === null || inDistrictScope(principal, layer.districtCode);
}

export function canUseService(principal: Principal, service: KeyService): boolean {
  return (
    principal.kind !== 'api_key' ||
    principal.key.services === null ||
    principal.key.services.includes(service)
  );
}

/** A name for logs and metrics. */
export function principalLabel(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return principal.user.username;
    case 'api_key':
      return `key:${principal.key.name}`;
    case 'signed_link':
      return 'signed-link';
  }
}
