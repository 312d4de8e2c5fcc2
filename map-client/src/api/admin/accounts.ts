// Users, departments and roles over HTTP, for the admin screens (/api/v1/users, departments, roles).
import { callJson } from '../client';
import type { SessionUser } from '../types';

export interface AdminUser extends SessionUser {
  active: boolean;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  userCount: number;
}

export interface Role {
  code: string;
  name: string;
  permissions: string[];
}

/** What the users form sends; the server names the field of any problem (`details.parameter`). */
export interface UserFields {
  displayName?: string;
  department?: string | null;
  roles?: string[];
  districts?: string[];
  active?: boolean;
}

export interface NewUser extends UserFields {
  username: string;
  password: string;
  displayName: string;
}

export async function fetchUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  return (await callJson<{ users: AdminUser[] }>('/api/v1/users', { signal })).users;
}

export function createUser(user: NewUser): Promise<AdminUser> {
  return callJson<AdminUser>('/api/v1/users', { method: 'POST', json: user });
}

export function updateUser(id: number, fields: UserFields): Promise<AdminUser> {
  return callJson<AdminUser>(`/api/v1/users/${id}`, { method: 'PATCH', json: fields });
}

export async function resetPassword(id: number, password: string): Promise<void> {
  await callJson<{ reset: boolean }>(`/api/v1/users/${id}/password`, { method: 'PUT', json: { password } });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await callJson<{ departments: Department[] }>('/api/v1/departments', { signal })).departments;
}

export function createDepartment(code: string, name: string): Promise<Department> {
  return callJson<Department>('/api/v1/departments', { method: 'POST', json: { code, name } });
}

export function renameDepartment(id: number, name: string): Promise<Department> {
  return callJson<Department>(`/api/v1/departments/${id}`, { method: 'PATCH', json: { name } });
}

export async function fetchRoles(signal?: AbortSignal): Promise<Role[]> {
  return (await callJson<{ roles: Role[] }>('/api/v1/roles', { signal })).roles;
}
