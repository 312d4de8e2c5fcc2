// Accounts: users, departments, roles and their permissions, sessions, API keys, the audit log.
export { AccountError, type AccountErrorKind } from './account-error';
export { API_KEY_PERMISSIONS, isPermission, KEY_SERVICES, PERMISSIONS } from './permissions';
export type { KeyService, Permission } from './permissions';
export { ANONYMOUS, can, canReadLayer, canUseService, inDistrictScope, principalLabel } from './principal';
export type {
  ApiKeyPrincipal,
  LayerAccessFacts,
  Principal,
  SignedLinkPrincipal,
  UserPrincipal,
  UserSummary,
} from './principal';
export { checkPasswordRule, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
export { listRoles } from './roles';
export type { RoleSummary } from './roles';
export {
  changeOwnPassword,
  createUser,
  findUser,
  findUserIdByName,
  listUsers,
  permissionsOf,
  requireUser,
  setPassword,
  updateUser,
} from './users';
export type { NewUser, UserFields } from './users';
export { createDepartment, listDepartments, renameDepartment } from './departments';
export type { Department } from './departments';
export {
  DEFAULT_SESSION_POLICY,
  listLiveSessions,
  openSession,
  resolveSession,
  revokeSession,
  revokeUserSessions,
} from './sessions';
export type { NewSession, SessionPolicy, SessionSummary } from './sessions';
export { checkCredentials, DEFAULT_LOCKOUT } from './sign-in';
export type { LockoutPolicy } from './sign-in';
export { issueApiKey, listApiKeys, resolveApiKey, revokeApiKey } from './api-keys';
export type { ApiKeySummary, KeyProblem, NewApiKey } from './api-keys';
export { appendAudit, AUDIT_ACTIONS, queryAudit, verifyAuditChain } from './audit-log';
export type { AuditAction, AuditEntry, AuditQuery, AuditRow, ChainReport } from './audit-log';
export { DEMO_USERS, ensureDemoUsers } from './demo-users';
export type { DemoUser } from './demo-users';
export { sameSecret } from './tokens';
export { linkSigningSecret } from './link-secret';
export { canonicalLink, linkCovers, SIGNED_LINK_PATH, signLink, verifyLink } from './signed-links';
export type { LinkProblem, LinkScope, LonLatBox, SignedLink } from './signed-links';
