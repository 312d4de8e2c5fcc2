// Departments and roles: /api/v1/departments (everyone signed in reads, admins change), /api/v1/roles.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { createDepartment, listDepartments, listRoles, renameDepartment } from '../../accounts';
import { parseInput } from '../request-body';

export function listDepartmentsHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.json({ departments: await listDepartments(pool) });
  };
}

export function createDepartmentHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const body = parseInput(
      z
        .object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/), name: z.string().min(1).max(200) })
        .strict(),
      req.body,
    );
    res.status(201).json(await createDepartment(pool, body.code, body.name));
  };
}

export function updateDepartmentHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(
      z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
      req.params,
    );
    const { name } = parseInput(z.object({ name: z.string().min(1).max(200) }).strict(), req.body);
    res.json(await renameDepartment(pool, id, name));
  };
}

export function listRolesHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.json({ roles: await listRoles(pool) });
  };
}
