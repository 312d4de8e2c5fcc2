// Users, their sessions and passwords, for admins: /api/v1/users, /api/v1/sessions.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  createUser,
  listLiveSessions,
  listUsers,
  requireUser,
  revokeSession,
  setPassword,
  updateUser,
} from '../../accounts';
import { notFound } from '../errors';
import { parseInput } from '../request-body';

const username = z
  .string()
  .regex(/^[a-z0-9_.-]{2,64}$/, '2-64个小写字母、数字或_.- / 2-64 lower-case letters, digits or _.-');
const fields = {
  displayName: z.string().min(1).max(100).optional(),
  department: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,40}$/)
    .nullable()
    .optional(),
  roles: z.array(z.string().max(40)).max(20).optional(),
  districts: z
    .array(z.string().regex(/^\d{6}$/, '6位行政区划代码 / a 6-digit district code'))
    .max(50)
    .optional(),
  active: z.boolean().optional(),
};
const newUser = z
  .object({
    username,
    password: z.string().min(1).max(200),
    ...fields,
    displayName: z.string().min(1).max(100),
  })
  .strict();
const change = z.object(fields).strict();
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function asFields(body: z.infer<typeof change>) {
  return {
    ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
    ...(body.department !== undefined ? { departmentCode: body.department } : {}),
    ...(body.roles !== undefined ? { roles: body.roles } : {}),
    ...(body.districts !== undefined ? { districts: body.districts } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
  };
}

export function listUsersHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.json({ users: await listUsers(pool) });
  };
}

export function getUserHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    res.json({ ...(await requireUser(pool, id)), sessions: await listLiveSessions(pool, id) });
  };
}

export function createUserHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const body = parseInput(newUser, req.body);
    const created = await createUser(pool, {
      ...asFields(body),
      username: body.username,
      displayName: body.displayName,
      password: body.password,
    });
    res.status(201).json(created);
  };
}

export function updateUserHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    res.locals.auditBefore = await requireUser(pool, id);
    res.json(await updateUser(pool, id, asFields(parseInput(change, req.body))));
  };
}

export function resetPasswordHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { password } = parseInput(z.object({ password: z.string().min(1).max(200) }).strict(), req.body);
    await requireUser(pool, id);
    await setPassword(pool, id, password);
    res.json({ reset: true });
  };
}

export function listSessionsHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { user } = parseInput(z.object({ user: z.coerce.number().int().min(1).optional() }), req.query);
    res.json({ sessions: await listLiveSessions(pool, user) });
  };
}

export function revokeSessionHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(z.object({ id: z.string().regex(/^\d{1,18}$/) }), req.params);
    if (!(await revokeSession(pool, id)))
      throw notFound(`会话不存在或已结束 / no live session ${id}`, { parameter: 'id', value: id });
    res.json({ revoked: id });
  };
}
